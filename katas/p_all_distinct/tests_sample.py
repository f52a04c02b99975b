from graders.kit import check, probability


def test_notes_example(solution):
    check(solution, (30,), 0.2936837572807313, compare=probability(abs=1e-9))


def test_two_people_two_days(solution):
    check(solution, (2,), 0.5, compare=probability(abs=1e-9), days=2)


def test_more_people_than_days(solution):
    check(solution, (366,), 0.0, compare=probability(abs=1e-9))
