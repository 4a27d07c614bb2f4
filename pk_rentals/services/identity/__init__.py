"""Who is making this request: session tokens, users, webhooks (Clerk or the emulator)."""
