"""A module nothing imports: stored topics naming it must never make the service import it.

Importing it leaves a mark in ``sys.modules``, which tests/application/test_stored_topics_stay_on_the_allow_list.py
looks for, as the Zen of Python printed by ``this:s`` showed the problem in the first place.
"""


class Planted:
    pass
