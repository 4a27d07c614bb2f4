"""Clerk's Backend API, the subset the app and its tools use (``/_devauth/v1``)."""

from fastapi import APIRouter

router = APIRouter(prefix="/v1")
