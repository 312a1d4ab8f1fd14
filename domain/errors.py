"""Domain exceptions: every rule the domain enforces fails with one of these."""


class DomainError(ValueError):
    """A rule of the domain was broken; the message names the input at fault."""


class InvalidDate(DomainError):
    """A date text could not be read, or names an impossible date."""


class InvalidMoney(DomainError):
    """An amount could not be read, or its currency is not one we keep."""


class InvalidFact(DomainError):
    """A fact's kind, subject, venue, fields or sources are not acceptable."""


class UnknownCompany(DomainError):
    """No company goes by the given name or id."""


class UnknownFact(DomainError):
    """No fact has the given id."""


class AmbiguousName(DomainError):
    """A name fits more than one company; the message lists them, and nothing is guessed."""


class NameTaken(DomainError):
    """The name already belongs to another company."""


class FactRetracted(DomainError):
    """The fact was retracted; it can be neither corrected nor retracted again."""
