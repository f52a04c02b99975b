from graders.kit import check, probability


def test_twenty_three_people(solution):
    check(solution, (23,), 0.4927027656760146, compare=probability(abs=1e-9))


def test_two_people_two_days(solution):
    check(solution, (2,), 0.5, compare=probability(abs=1e-9), days=2)


def test_more_people_than_days(solution):
    check(solution, (366,), 0.0, compare=probability(abs=1e-9))
