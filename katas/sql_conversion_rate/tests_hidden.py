"""Edges (no purchases, a campaign without sales, purchases of unknown visits), then random."""

from hypothesis import given
from hypothesis import strategies as st

from graders.sqlkata import check_query


def test_no_visits(solution):
    check_query(solution, {"visits": [], "purchases": [[1, 1, 5]]})


def test_no_purchases(solution):
    check_query(solution, {"visits": [[1, "ads"], [2, "mail"]], "purchases": []})


def test_a_campaign_without_sales(solution):
    visits = [[1, "ads"], [2, "mail"], [3, "mail"]]
    check_query(solution, {"visits": visits, "purchases": [[1, 1, 9], [2, 1, 9]]})


campaigns = st.sampled_from(["ads", "mail", "social"])


@given(
    visits=st.lists(campaigns, max_size=8),
    bought=st.lists(st.integers(1, 9), max_size=8),
)
def test_matches_reference(solution, visits, bought):
    check_query(
        solution,
        {
            "visits": [[i + 1, campaign] for i, campaign in enumerate(visits)],
            "purchases": [[i + 1, visit, 10] for i, visit in enumerate(bought)],
        },
    )
