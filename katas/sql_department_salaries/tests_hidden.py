"""Edges (NULL salaries, the 50000 bound, odd averages), then tables Hypothesis builds."""

from hypothesis import given
from hypothesis import strategies as st

from graders.sqlkata import check_query


def test_empty_table(solution):
    check_query(solution, {"employees": []})


def test_all_salaries_unknown(solution):
    rows = [[1, "Ann", "eng", None], [2, "Bob", "eng", None]]
    check_query(solution, {"employees": rows})


def test_average_exactly_at_the_bound(solution):
    rows = [[1, "Ann", "eng", 40000], [2, "Bob", "eng", 60000]]
    check_query(solution, {"employees": rows})


def test_unknown_salary_counts_as_staff(solution):
    rows = [[1, "Ann", "eng", 70000], [2, "Bob", "eng", None], [3, "Cy", "ops", 80000]]
    check_query(solution, {"employees": rows})


def test_average_with_a_fraction(solution):
    rows = [[1, "Ann", "eng", 50000], [2, "Bob", "eng", 50001]]
    check_query(solution, {"employees": rows})


salaries = st.sampled_from([None, 30000, 45000, 50000, 50001, 55001, 70000])
departments = st.sampled_from(["eng", "ops", "law"])


@given(rows=st.lists(st.tuples(departments, salaries), max_size=10))
def test_matches_reference(solution, rows):
    employees = [[i + 1, f"e{i + 1}", dept, salary] for i, (dept, salary) in enumerate(rows)]
    check_query(solution, {"employees": employees})
