package journal

import (
	"context"
	"fmt"
)

// migrations bring the schema from version i to i+1; the database's
// PRAGMA user_version says how many have run. Never edit one that has
// shipped: add a new one.
var migrations = []string{
	// 1: people, screenings, sessions and their events.
	`CREATE TABLE people (
		id         INTEGER PRIMARY KEY,
		name       TEXT NOT NULL UNIQUE COLLATE NOCASE,
		is_self    INTEGER NOT NULL DEFAULT 0,
		created_at TEXT NOT NULL
	);
	CREATE TABLE screenings (
		id        INTEGER PRIMARY KEY,
		person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
		given_at  TEXT NOT NULL,
		level     TEXT NOT NULL,
		reasons   TEXT NOT NULL
	);
	CREATE TABLE sessions (
		id            INTEGER PRIMARY KEY,
		person_id     INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
		routine       TEXT NOT NULL,
		started_at    TEXT NOT NULL,
		ended_at      TEXT,
		outcome       TEXT,
		stop_reason   TEXT NOT NULL DEFAULT '',
		baseline      INTEGER,
		final         INTEGER,
		steps_done    INTEGER NOT NULL DEFAULT 0,
		steps_planned INTEGER NOT NULL,
		active_ms     INTEGER NOT NULL DEFAULT 0,
		course_number INTEGER NOT NULL DEFAULT 1,
		pid           INTEGER NOT NULL DEFAULT 0
	);
	CREATE INDEX sessions_person ON sessions(person_id, started_at);
	CREATE TABLE events (
		id         INTEGER PRIMARY KEY,
		session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
		at         TEXT NOT NULL,
		kind       TEXT NOT NULL,
		step       INTEGER NOT NULL DEFAULT -1,
		value      INTEGER,
		detail     TEXT NOT NULL DEFAULT ''
	);
	CREATE INDEX events_session ON events(session_id, id);`,
	// 2: standing screening answers per person, and the step a session
	// had reached (for "interrupted at step N").
	`CREATE TABLE standing_answers (
		person_id    INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
		question     TEXT NOT NULL,
		answer       TEXT NOT NULL,
		confirmed_at TEXT NOT NULL,
		PRIMARY KEY (person_id, question)
	);
	ALTER TABLE sessions ADD COLUMN current_step INTEGER NOT NULL DEFAULT -1;`,
	// 3: practice runs of the tempo trainer, apart from massage sessions.
	`CREATE TABLE practice (
		id          INTEGER PRIMARY KEY,
		started_at  TEXT NOT NULL,
		routine     TEXT NOT NULL,
		step        INTEGER NOT NULL,
		technique   TEXT NOT NULL,
		target_ms   INTEGER NOT NULL DEFAULT 0,
		passes      INTEGER NOT NULL,
		mean_ms     INTEGER NOT NULL,
		spread_ms   INTEGER NOT NULL,
		verdict     TEXT NOT NULL
	);`,
	// 4: what advice after a session depends on, and the steps skipped.
	`ALTER TABLE sessions ADD COLUMN steps_skipped INTEGER NOT NULL DEFAULT 0;
	ALTER TABLE sessions ADD COLUMN finished_gently INTEGER NOT NULL DEFAULT 0;
	ALTER TABLE sessions ADD COLUMN pain_stop INTEGER NOT NULL DEFAULT 0;
	ALTER TABLE sessions ADD COLUMN warning_sign INTEGER NOT NULL DEFAULT 0;`,
	// 5: when the session's process started, so that a later process
	// given the same pid is not taken for it.
	`ALTER TABLE sessions ADD COLUMN pid_start TEXT NOT NULL DEFAULT '';`,
}

// SchemaVersion is the version this build writes.
var SchemaVersion = len(migrations)

// migrate runs the migrations the database has not had. It holds the write
// lock (BEGIN IMMEDIATE) from reading the version to the last change, so
// that two knead processes starting at once cannot both migrate.
func (s *Store) migrate() error { return s.migrateTo(len(migrations)) }

// migrateTo brings the schema up to version target.
func (s *Store) migrateTo(target int) (err error) {
	ctx := context.Background()
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "BEGIN IMMEDIATE"); err != nil {
		return err
	}
	defer func() {
		if err != nil {
			conn.ExecContext(ctx, "ROLLBACK")
		}
	}()
	var version int
	if err := conn.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		return err
	}
	if version > len(migrations) {
		return fmt.Errorf("the history file was written by a newer knead (schema %d, this one knows %d); update knead", version, len(migrations))
	}
	for v := version; v < target; v++ {
		if _, err := conn.ExecContext(ctx, migrations[v]); err != nil {
			return fmt.Errorf("migrating the history to version %d: %w", v+1, err)
		}
	}
	if _, err := conn.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", max(version, target))); err != nil {
		return err
	}
	if _, err := conn.ExecContext(ctx, fmt.Sprintf("PRAGMA application_id = %d", ApplicationID)); err != nil {
		return err
	}
	_, err = conn.ExecContext(ctx, "COMMIT")
	return err
}
