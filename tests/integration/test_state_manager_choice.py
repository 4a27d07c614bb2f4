"""Where a production worker keeps tab state: Redis when it is given, else memory.

Reflex picks its state manager from its config at start, so each case asks Reflex
itself, in a process started with the environment `deploy/prod.py` gives a worker.
"""

import subprocess
import sys

import pytest

from deploy import prod

ASK_REFLEX = (
    "from reflex.istate.manager import StateManager;print(type(StateManager.create()).__name__)"
)


def manager_for(tmp_path, workers: int, extra_env: dict[str, str]) -> str:
    top = prod.Topology(root=tmp_path, workers=workers, extra_env=extra_env)
    env = prod.app_environment(top)
    answer = subprocess.run(
        [sys.executable, "-c", ASK_REFLEX],
        cwd=prod.PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert answer.returncode == 0, answer.stderr
    return answer.stdout.split()[-1]


@pytest.mark.parametrize("workers", [1, 2])
def test_workers_with_redis_share_tab_state_through_it(tmp_path, workers):
    # Creating the manager opens no connection: nothing listens on the port.
    assert manager_for(tmp_path, workers, {}) == "StateManagerRedis"


def test_one_worker_without_redis_keeps_tab_state_in_memory_not_on_disk(tmp_path):
    assert manager_for(tmp_path, 1, {"REFLEX_REDIS_URL": ""}) == "StateManagerMemory"


def test_an_operator_may_still_choose_the_disk(tmp_path):
    given = {
        "REFLEX_REDIS_URL": "",
        "REFLEX_STATE_MANAGER_MODE": "disk",
        "REFLEX_STATES_WORKDIR": str(tmp_path / "states"),
    }
    assert manager_for(tmp_path, 1, given) == "StateManagerDisk"
