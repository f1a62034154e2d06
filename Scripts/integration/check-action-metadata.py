#!/usr/bin/env python3
"""Checks a composite action's action.yml where actionlint does not look.

    check-action-metadata.py ACTION_YML [SHELLCHECK]

actionlint lints workflows and checks the inputs a workflow passes to a local action, but it
does not lint the action file itself. This checks what GitHub requires of a composite action:
name, description and `runs.using: composite`; every `run` step names its `shell`; every
`${{ inputs.X }}` and `${{ steps.ID.outputs.X }}` refers to something declared; input names and
descriptions are present. With SHELLCHECK, each bash `run` script is also given to shellcheck
with its expressions replaced by a plain word, as actionlint does for workflows.
Needs PyYAML. Exits 1 with one line per problem.
"""
import re
import subprocess
import sys
import tempfile

import yaml

EXPRESSION = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")


def main() -> int:
    path = sys.argv[1]
    shellcheck = sys.argv[2] if len(sys.argv) > 2 else None
    with open(path, encoding="utf-8") as f:
        action = yaml.safe_load(f)
    problems = []

    for key in ("name", "description", "runs"):
        if not action.get(key):
            problems.append(f"missing '{key}'")
    inputs = action.get("inputs") or {}
    for name, spec in inputs.items():
        if not isinstance(spec, dict) or not spec.get("description"):
            problems.append(f"input '{name}' has no description")
    runs = action.get("runs") or {}
    if runs.get("using") != "composite":
        problems.append("runs.using is not 'composite'")
    steps = runs.get("steps") or []
    if not steps:
        problems.append("runs.steps is empty")

    step_ids = set()
    for index, step in enumerate(steps):
        where = f"step {index + 1} ({step.get('name', step.get('id', '?'))})"
        if "run" in step and "uses" in step:
            problems.append(f"{where}: has both 'run' and 'uses'")
        if "run" in step and not step.get("shell"):
            problems.append(f"{where}: a composite 'run' step must name its shell")
        text = yaml.safe_dump(step, allow_unicode=True)
        for expression in EXPRESSION.findall(text):
            for name in re.findall(r"\binputs\.([A-Za-z0-9_-]+)", expression):
                if name not in inputs:
                    problems.append(f"{where}: unknown input '{name}'")
            for ref in re.findall(r"\bsteps\.([A-Za-z0-9_-]+)\.", expression):
                if ref not in step_ids:
                    problems.append(f"{where}: refers to step '{ref}', not declared before it")
        if step.get("id"):
            step_ids.add(step["id"])
        if shellcheck and "run" in step and step.get("shell") == "bash":
            script = EXPRESSION.sub("EXPRESSION", step["run"])
            with tempfile.NamedTemporaryFile("w", suffix=".sh", encoding="utf-8") as tmp:
                tmp.write("#!/usr/bin/env bash\n" + script)
                tmp.flush()
                result = subprocess.run([shellcheck, "--shell=bash", tmp.name], capture_output=True, text=True)
            if result.returncode != 0:
                problems.append(f"{where}: shellcheck:\n{result.stdout.strip()}")

    for problem in problems:
        print(f"{path}: {problem}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
