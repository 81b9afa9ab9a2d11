// Package journal is knead's history: people, their standing screening
// answers, screenings and sessions, kept in an SQLite file that is written
// as things happen, one transaction per event, so that killing knead loses
// at most the event in flight.
package journal

import (
	"bytes"
	"database/sql"
	"fmt"
	"strings"
	"time"

	_ "modernc.org/sqlite" // the pure-Go SQLite driver, registered as "sqlite"
)

// FileName is the database's name inside the data folder.
const FileName = "knead.db"

// Store is an open journal.
type Store struct {
	db       *sql.DB
	path     string
	now      func() time.Time
	readOnly bool
}

// OpenError says why the journal could not be used, with its path and what
// to do. The file is never deleted or overwritten.
type OpenError struct {
	Path string
	Err  error
	// Corrupt is true when the file is not a usable SQLite database.
	Corrupt bool
	// Unsafe is true when the file or its folder cannot be kept private;
	// Err then says what to do.
	Unsafe bool
}

func (e *OpenError) Error() string {
	if e.Unsafe {
		return e.Err.Error()
	}
	if e.Corrupt {
		return fmt.Sprintf("the history file %s is damaged or not a knead database (%v); knead left it untouched. Move it aside (for example to %s.broken) to start a new history", e.Path, e.Err, e.Path)
	}
	msg := e.Err.Error()
	switch {
	case strings.Contains(msg, "newer knead"):
		return fmt.Sprintf("cannot open the history file %s: %v", e.Path, e.Err)
	case strings.Contains(msg, "disk is full") || strings.Contains(msg, "SQLITE_FULL") || strings.Contains(msg, "disk I/O error"):
		return fmt.Sprintf("cannot open the history file %s: %v. The disk may be full: free some space and try again", e.Path, e.Err)
	}
	return fmt.Sprintf("cannot open the history file %s: %v. Check that the folder exists and is writable, or set KNEAD_DATA_DIR to another folder", e.Path, e.Err)
}

func (e *OpenError) Unwrap() error { return e.Err }

var sqliteHeader = []byte("SQLite format 3\x00")

// retryBusy runs f again while SQLite reports the file locked. Switching a
// new file to WAL and the first migration take locks that SQLite does not
// wait for, so two knead processes starting at once can collide there.
func retryBusy(f func() error) error {
	deadline := time.Now().Add(10 * time.Second)
	for {
		err := f()
		if err == nil || !isBusy(err) || time.Now().After(deadline) {
			return err
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func isBusy(err error) bool {
	msg := err.Error()
	return strings.Contains(msg, "SQLITE_BUSY") || strings.Contains(msg, "database is locked")
}

// classify turns driver errors into OpenErrors.
func classify(path string, err error) error {
	msg := err.Error()
	for _, word := range []string{"malformed", "not a database", "corrupt", "file is encrypted"} {
		if bytes.Contains([]byte(msg), []byte(word)) {
			return &OpenError{Path: path, Err: err, Corrupt: true}
		}
	}
	return &OpenError{Path: path, Err: err}
}

// Path is the database file.
func (s *Store) Path() string { return s.path }

// Close closes the database.
func (s *Store) Close() error { return s.db.Close() }

// timeFormat stores times as text that sorts in time order.
const timeFormat = "2006-01-02T15:04:05.000000000Z07:00"

func formatTime(t time.Time) string { return t.Format(timeFormat) }

func parseTime(s string) time.Time {
	t, _ := time.Parse(timeFormat, s)
	return t
}
