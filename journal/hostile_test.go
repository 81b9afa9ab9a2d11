package journal

import (
	"bytes"
	"crypto/sha256"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"knead/screening"
)

// Any folder name works: the journal lands in the folder named, private,
// and reads back.
func TestOddFolderNames(t *testing.T) {
	t.Parallel()
	for _, name := range []string{"a#b", "what?now", "100%", "with space", "x?mode=memory#y", "%23"} {
		dir := filepath.Join(t.TempDir(), name)
		s, _, err := Open(dir)
		if err != nil {
			t.Fatalf("%q: %v", name, err)
		}
		if _, err := s.Person("Anna", screening.Partner); err != nil {
			t.Fatalf("%q: %v", name, err)
		}
		s.Close()
		info, err := os.Stat(filepath.Join(dir, FileName))
		if err != nil || info.Size() == 0 || info.Mode().Perm() != 0o600 {
			t.Fatalf("%q: the journal is not where it was asked for: %v", name, err)
		}
		entries, _ := os.ReadDir(filepath.Dir(dir))
		if len(entries) != 1 {
			t.Errorf("%q: files beside the folder: %v", name, entries)
		}
		r, _, err := OpenReadOnly(dir)
		if err != nil {
			t.Fatalf("%q read-only: %v", name, err)
		}
		var n int
		if err := r.db.QueryRow("SELECT count(*) FROM people WHERE name = 'Anna'").Scan(&n); err != nil || n != 1 {
			t.Errorf("%q: read back %d, %v", name, n, err)
		}
		r.Close()
	}
}

// Folders and files that cannot be kept private, or are not knead's, are
// refused with a message that says what to do, and left as they were.
func TestUnsafePlacesAreRefused(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name  string
		setup func(t *testing.T) string // returns the data folder
		want  string
	}{
		{"folder is a link", func(t *testing.T) string {
			real := filepath.Join(t.TempDir(), "real")
			os.Mkdir(real, 0o755)
			link := filepath.Join(t.TempDir(), "link")
			os.Symlink(real, link)
			return link
		}, "symbolic link"},
		{"folder anyone may write", func(t *testing.T) string {
			dir := filepath.Join(t.TempDir(), "open")
			os.Mkdir(dir, 0o777)
			os.Chmod(dir, 0o777)
			return dir
		}, "other users can write to the data folder"},
		{"a shared folder like /tmp", func(t *testing.T) string {
			dir := filepath.Join(t.TempDir(), "shared")
			os.Mkdir(dir, 0o777)
			os.Chmod(dir, os.ModeSticky|0o777)
			return dir
		}, "is shared by all users (mode 1777); set KNEAD_DATA_DIR"},
		{"journal is a link", func(t *testing.T) string {
			dir := t.TempDir()
			other := filepath.Join(t.TempDir(), "elsewhere")
			os.WriteFile(other, []byte("keep me"), 0o644)
			os.Symlink(other, filepath.Join(dir, FileName))
			return dir
		}, "symbolic link"},
		{"journal is a pipe", func(t *testing.T) string {
			dir := t.TempDir()
			if err := syscall.Mkfifo(filepath.Join(dir, FileName), 0o600); err != nil {
				t.Skip(err)
			}
			return dir
		}, "not a regular file"},
		{"another program's database", func(t *testing.T) string {
			dir := t.TempDir()
			foreign(t, filepath.Join(dir, FileName), "CREATE TABLE notes(x); PRAGMA application_id = 42;")
			return dir
		}, "another program"},
		{"a database with no id", func(t *testing.T) string {
			dir := t.TempDir()
			foreign(t, filepath.Join(dir, FileName), "CREATE TABLE notes(x);")
			return dir
		}, "another program"},
		{"a newer knead's journal", func(t *testing.T) string {
			dir := t.TempDir()
			foreign(t, filepath.Join(dir, FileName), "CREATE TABLE people(x); PRAGMA user_version = 999;")
			return dir
		}, "newer knead"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := c.setup(t)
			before := snapshot(t, dir)
			done := make(chan error, 1)
			go func() {
				s, _, err := Open(dir)
				if s != nil {
					s.Close()
				}
				done <- err
			}()
			select {
			case err := <-done:
				if err == nil || !strings.Contains(err.Error(), c.want) {
					t.Fatalf("Open: %v, want %q", err, c.want)
				}
			case <-time.After(10 * time.Second):
				t.Fatal("Open hangs")
			}
			if after := snapshot(t, dir); after != before {
				t.Errorf("changed:\n%s\n--- was\n%s", after, before)
			}
		})
	}
}

// foreign makes an SQLite file as another program would.
func foreign(t *testing.T, path, script string) {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, stmt := range strings.Split(script, ";") {
		if strings.TrimSpace(stmt) != "" {
			if _, err := db.Exec(stmt); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// snapshot lists a folder's files, their modes and contents, following
// the link of a linked folder or file to what it points at.
func snapshot(t *testing.T, dir string) string {
	t.Helper()
	var b bytes.Buffer
	entries, _ := os.ReadDir(dir)
	info, _ := os.Stat(dir)
	if info != nil {
		b.WriteString(info.Mode().String() + "\n")
	}
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), "-shm") || strings.HasSuffix(e.Name(), "-wal") {
			continue // SQLite's own, while a connection is open
		}
		p := filepath.Join(dir, e.Name())
		info, err := os.Stat(p)
		if err != nil {
			continue
		}
		b.WriteString(e.Name() + " " + info.Mode().String())
		if info.Mode().IsRegular() {
			data, _ := os.ReadFile(p)
			fmt.Fprintf(&b, " %x", sha256.Sum256(data))
		}
		b.WriteString("\n")
	}
	return b.String()
}

// Reading the history changes nothing, and needs no journal to exist.
func TestReadOnlyOpenChangesNothing(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	if _, _, err := OpenReadOnly(dir); !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("no journal: %v", err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Fatalf("read-only open made files: %v", entries)
	}
	s, _, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	s.Person("Anna", screening.Partner)
	s.Close()
	before := snapshot(t, dir)
	r, _, err := OpenReadOnly(dir)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := r.Sessions(Filter{}); err != nil {
		t.Fatal(err)
	}
	r.Close()
	if after := snapshot(t, dir); after != before {
		t.Errorf("read-only open changed the folder")
	}
}

// A journal made but never written (the disk was full as it was created)
// reads as no history, and the next session makes it whole.
func TestAnEmptyJournalFileIsNoHistory(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, FileName), nil, 0o600); err != nil {
		t.Fatal(err)
	}
	if _, _, err := OpenReadOnly(dir); !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("an empty journal read: %v", err)
	}
	s, _, err := Open(dir)
	if err != nil {
		t.Fatalf("an empty journal written: %v", err)
	}
	if _, err := s.Sessions(Filter{}); err != nil {
		t.Fatal(err)
	}
	s.Close()
}

// Text from outside reaches no terminal or spreadsheet as a command: the
// table, the chart, the CSV and the JSON carry no control byte, and no CSV
// cell starts a formula.
func TestExportsCarryNoCommands(t *testing.T) {
	t.Parallel()
	hostile := []string{
		`=HYPERLINK("http://evil","x")`, "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1",
		"a\x1b]52;c;ZXZpbA==\x07b", "c\x1b[2Jd", "e\x1b]8;;http://x\x07f", "g\u009b31mh", "i\x00j", "k\nl", "m\u202en",
	}
	var sessions []Session
	for i, name := range hostile {
		sessions = append(sessions, Session{ID: int64(i), Person: name, Routine: name, StartedAt: time.Date(2026, 11, 1, 10, 0, 0, 0, time.UTC), Baseline: 3, Final: 5, Outcome: "stopped", StopReason: name, StepsPlanned: 4})
	}
	var table, csvOut, jsonOut bytes.Buffer
	WriteTable(&table, sessions)
	table.WriteString(Chart(sessions, 80))
	if err := WriteCSV(&csvOut, sessions); err != nil {
		t.Fatal(err)
	}
	if err := WriteJSON(&jsonOut, sessions); err != nil {
		t.Fatal(err)
	}
	for what, out := range map[string][]byte{"table": table.Bytes(), "csv": csvOut.Bytes(), "json": jsonOut.Bytes()} {
		for _, r := range string(out) {
			if (r < 0x20 && r != '\n') || (r >= 0x7f && r < 0xa0) || r == 0x202e {
				t.Errorf("%s carries %U", what, r)
			}
		}
	}
	for _, row := range strings.Split(csvOut.String(), "\n")[1:] {
		for _, cell := range strings.Split(row, ",") {
			if cell = strings.TrimPrefix(cell, `"`); cell != "" && strings.ContainsRune("=+-@", rune(cell[0])) {
				t.Errorf("a cell starts a formula: %q in %q", cell, row)
			}
		}
	}
}

// A session whose pid now belongs to another process (a reused pid) reads
// as interrupted; one whose process still runs reads as running.
func TestAReusedPidIsNotTheSession(t *testing.T) {
	t.Parallel()
	if processStart(os.Getpid()) == "" {
		t.Skip("no process start times here")
	}
	s, _, err := Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	p, _ := s.Person("", screening.Self)
	id, err := s.StartSession(p.ID, "lumbar-self", 4, 1, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	parent := os.Getppid()
	for _, c := range []struct {
		start, want string
	}{{processStart(parent), OutcomeRunning}, {"1", OutcomeInterrupted}} {
		if _, err := s.db.Exec(`UPDATE sessions SET pid = ?, pid_start = ? WHERE id = ?`, parent, c.start, id); err != nil {
			t.Fatal(err)
		}
		all, err := s.Sessions(Filter{})
		if err != nil || len(all) != 1 || all[0].Outcome != c.want {
			t.Errorf("started %s: %+v %v, want %s", c.start, all, err, c.want)
		}
	}
}

// A journal with a damaged page is named as damaged before anything is
// written to it, and left byte for byte as it was.
func TestADamagedPageIsFoundBeforeWriting(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	s, _, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"Anna", "Ben", "Cleo"} {
		s.Person(name, screening.Partner)
	}
	s.Close()
	path := filepath.Join(dir, FileName)
	data, err := os.ReadFile(path)
	if err != nil || len(data) < 3*4096 {
		t.Fatalf("journal of %d bytes: %v", len(data), err)
	}
	for i := 2*4096 + 8; i < 2*4096+200; i++ {
		data[i] = 0xA5
	}
	os.WriteFile(path, data, 0o600)
	_, _, err = Open(dir)
	var oe *OpenError
	if !errors.As(err, &oe) || !oe.Corrupt {
		t.Fatalf("a damaged page: %v", err)
	}
	if after, _ := os.ReadFile(path); string(after) != string(data) {
		t.Error("the damaged journal was changed")
	}
}
