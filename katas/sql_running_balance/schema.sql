CREATE TABLE transactions (
    id INTEGER PRIMARY KEY,
    account TEXT NOT NULL,
    day INTEGER NOT NULL,
    amount INTEGER NOT NULL
);
