"""Checks on data/which_level.yml that a schema cannot express: the questions form a guide that
always ends. Each `next` names a later question (so there is no loop) or `result`; ids are unique;
every question can be reached from the first one. Errors name the file, line, entry and field."""

from __future__ import annotations

from pathlib import Path

from tiw.core.errors import DataError, rel

RESULT = "result"


def check_which_level(data: dict, path: Path, lines: dict[tuple, int]) -> None:
    questions = data["questions"]
    where = rel(path)
    order: dict[str, int] = {}
    for i, q in enumerate(questions):
        if q["id"] == RESULT:
            raise DataError(
                f"{where}, line {lines.get(('questions', i, 'id'), '?')}, entry '{q['id']}', field 'id': "
                f"'{RESULT}' is reserved for the end of the guide. Expected: another id."
            )
        if q["id"] in order:
            raise DataError(
                f"{where}, line {lines.get(('questions', i, 'id'), '?')}, entry '{q['id']}', field 'id': "
                f"this id is used twice (also question {order[q['id']] + 1}). Expected: each id once."
            )
        order[q["id"]] = i
    reached = {questions[0]["id"]}
    for i, q in enumerate(questions):
        seen: set[str] = set()
        for j, answer in enumerate(q["answers"]):
            at = ("questions", i, "answers", j)
            if answer["id"] in seen:
                raise DataError(
                    f"{where}, line {lines.get(at + ('id',), '?')}, entry '{q['id']}', field "
                    f"'answers[{j + 1}].id': the answer id '{answer['id']}' is used twice in this "
                    "question. Expected: each answer id once per question."
                )
            seen.add(answer["id"])
            target = answer["next"]
            if target == RESULT:
                continue
            line = lines.get(at + ("next",), "?")
            if target not in order:
                raise DataError(
                    f"{where}, line {line}, entry '{q['id']}', field 'answers[{j + 1}].next': there is "
                    f"no question '{target}'. Expected: the id of a later question "
                    f"({', '.join(x['id'] for x in questions[i + 1 :]) or 'none'}) or {RESULT}."
                )
            if order[target] <= i:
                raise DataError(
                    f"{where}, line {line}, entry '{q['id']}', field 'answers[{j + 1}].next': "
                    f"'{target}' does not come after this question, so the guide could go round in "
                    f"a loop. Expected: the id of a later question or {RESULT}."
                )
            if q["id"] in reached:
                reached.add(target)
    for i, q in enumerate(questions):
        if q["id"] not in reached:
            raise DataError(
                f"{where}, line {lines.get(('questions', i, 'id'), '?')}, entry '{q['id']}': no answer "
                "leads to this question, so nobody would be asked it. Expected: an earlier answer "
                f"whose next is '{q['id']}', or remove the question."
            )
