"""api/webhooks: standing queries read, their targets checked, their deliveries sent"""
