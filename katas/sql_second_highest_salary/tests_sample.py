"""The statement's examples: what "Run" checks."""

from graders.sqlkata import check_query


def rows(*salaries):
    return {"employees": [[i + 1, salary] for i, salary in enumerate(salaries)]}


def test_three_salaries(solution):
    check_query(solution, rows(100, 200, 300))


def test_tie_at_the_top(solution):
    check_query(solution, rows(300, 300, 100))


def test_no_second_salary(solution):
    check_query(solution, rows(300, 300))
