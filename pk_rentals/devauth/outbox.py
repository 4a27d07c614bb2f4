"""The development outbox: one-time codes the identity server "sent"."""

from fastapi import APIRouter

router = APIRouter()
