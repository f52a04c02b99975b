"""Edges (no orders at all, shared names, orphan orders), then tables Hypothesis builds."""

from hypothesis import given
from hypothesis import strategies as st

from graders.sqlkata import check_query


def test_no_orders_at_all(solution):
    check_query(solution, {"customers": [[1, "Ann"], [2, "Bob"]], "orders": []})


def test_no_customers(solution):
    check_query(solution, {"customers": [], "orders": [[1, 1, 3]]})


def test_customers_sharing_a_name(solution):
    customers = [[1, "Ann"], [2, "Ann"]]
    check_query(solution, {"customers": customers, "orders": [[5, 2, 1]]})


def test_orphan_orders(solution):
    orders = [[1, 9, 1], [2, None, 1], [3, 1, 1]]
    check_query(solution, {"customers": [[1, "Ann"]], "orders": orders})


names = st.sampled_from(["Ann", "Bob", "Cy"])
# Built once, not per example: Hypothesis validates a new strategy each time it is built.
customer_ids = st.lists(st.integers(1, 8), unique=True, max_size=6)
owners = st.one_of(st.none(), st.integers(1, 9))
order_lists = st.lists(st.tuples(owners, st.integers(1, 50)), max_size=10)


@st.composite
def databases(draw):
    ids = draw(customer_ids)
    customers = [[i, draw(names)] for i in ids]
    orders = draw(order_lists)
    return {
        "customers": customers,
        "orders": [[n + 1, owner, amount] for n, (owner, amount) in enumerate(orders)],
    }


@given(tables=databases())
def test_matches_reference(solution, tables):
    check_query(solution, tables)
