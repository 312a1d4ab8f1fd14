"""domain/subscriptions: standing queries, a reader's request to be told when an answer changes"""
