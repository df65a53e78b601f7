CREATE TABLE customers (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    email      TEXT NOT NULL UNIQUE,
    tier       TEXT NOT NULL DEFAULT 'basic' CHECK (tier IN ('basic', 'gold')),
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    CONSTRAINT ck_customers_email CHECK (instr(email, '@') > 1)
);

CREATE TRIGGER trg_customers_touch AFTER UPDATE OF email ON customers FOR EACH ROW
BEGIN
    UPDATE customers SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id;
END;
