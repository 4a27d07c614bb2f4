"""Automatic face and image-quality checks that help moderators (an aid, never a decision).

- ``detector``: dlib on JPEG bytes; runs only in the check process.
- ``pool``: that process (one worker, started on first use, with a timeout).
- ``checks``: per-submission results in ``face_checks``, the bands and flags, the
  selfie's quick check before submitting, and the backfill.
- ``calibration``: distance distributions of decided submissions.

Scores help; they never approve or reject anything.
"""
