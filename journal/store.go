// Package journal is knead's history: people, their standing screening
// answers, screenings and sessions, kept in an SQLite file that is written
// as things happen, one transaction per event, so that killing knead loses
// at most the event in flight.
package journal

import (
	"bytes"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	_ "modernc.org/sqlite" // the pure-Go SQLite driver, registered as "sqlite"
)

// FileName is the database's name inside the data folder.
const FileName = "knead.db"

// Store is an open journal.
type Store struct {
	db   *sql.DB
	path string
	now  func() time.Time
}

// OpenError says why the journal could not be used, with its path and what
// to do. The file is never deleted or overwritten.
type OpenError struct {
	Path string
	Err  error
	// Corrupt is true when the file is not a usable SQLite database.
	Corrupt bool
}

func (e *OpenError) Error() string {
	if e.Corrupt {
		return fmt.Sprintf("the history file %s is damaged or not a knead database (%v); knead left it untouched. Move it aside (for example to %s.broken) to start a new history", e.Path, e.Err, e.Path)
	}
	return fmt.Sprintf("cannot open the history file %s: %v. Check that the folder exists and is writable, or set KNEAD_DATA_DIR to another folder", e.Path, e.Err)
}

func (e *OpenError) Unwrap() error { return e.Err }

var sqliteHeader = []byte("SQLite format 3\x00")

// Open opens (or creates) the journal in dir. notices are things it fixed
// and the user should know, such as file permissions made private.
func Open(dir string) (s *Store, notices []string, err error) {
	path := filepath.Join(dir, FileName)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, nil, &OpenError{Path: path, Err: err}
	}
	if n, err := private(dir, 0o700); err != nil {
		return nil, nil, &OpenError{Path: path, Err: err}
	} else if n != "" {
		notices = append(notices, n)
	}
	if err := checkHeader(path); err != nil {
		return nil, notices, err
	}
	// Create the file ourselves so that it is private from its first byte.
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, notices, &OpenError{Path: path, Err: err}
	}
	f.Close()
	for _, p := range []string{path, path + "-wal", path + "-shm"} {
		if n, err := private(p, 0o600); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return nil, notices, &OpenError{Path: path, Err: err}
		} else if n != "" {
			notices = append(notices, n)
		}
	}
	dsn := "file:" + path + "?_pragma=busy_timeout(10000)&_pragma=journal_mode(WAL)&_pragma=foreign_keys(1)&_pragma=synchronous(NORMAL)"
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, notices, &OpenError{Path: path, Err: err}
	}
	s = &Store{db: db, path: path, now: time.Now}
	if err := retryBusy(s.migrate); err != nil {
		db.Close()
		return nil, notices, classify(path, err)
	}
	// The WAL and shared-memory files appear on first use.
	for _, p := range []string{path + "-wal", path + "-shm"} {
		private(p, 0o600)
	}
	return s, notices, nil
}

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

// checkHeader refuses a file that exists but is not SQLite, before the
// driver gets a chance to touch it.
func checkHeader(path string) error {
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return &OpenError{Path: path, Err: err}
	}
	defer f.Close()
	head := make([]byte, len(sqliteHeader))
	n, err := io.ReadFull(f, head)
	if n == 0 && (err == io.EOF || err == io.ErrUnexpectedEOF) {
		return nil // an empty file: SQLite makes it a database
	}
	if err != nil || !bytes.Equal(head, sqliteHeader) {
		return &OpenError{Path: path, Err: errors.New("it does not start with the SQLite header"), Corrupt: true}
	}
	return nil
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

// private tightens the permissions of path to mode when they are looser,
// and says so.
func private(path string, mode fs.FileMode) (string, error) {
	info, err := os.Stat(path)
	if err != nil {
		return "", err
	}
	if info.Mode().Perm()&^mode == 0 {
		return "", nil
	}
	if err := os.Chmod(path, mode); err != nil {
		return "", err
	}
	return fmt.Sprintf("made %s private (mode %04o, was %04o): it holds health data", path, mode, info.Mode().Perm()), nil
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
