"""Clerk's Frontend API, the subset clerk-js 5 needs for sign-up, sign-in and phones."""

from fastapi import APIRouter

router = APIRouter(prefix="/v1")
