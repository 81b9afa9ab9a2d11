package journal

import (
	"bytes"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"time"

	"knead/inputs"
	"knead/routines"
)

// ApplicationID marks an SQLite file as knead's journal (PRAGMA
// application_id): "KNEA" in ASCII.
const ApplicationID = 0x4b4e4541

// Open opens (or creates) the journal in dir for reading and writing.
// notices are things the user should know, such as file permissions made
// private.
//
// Health data goes only where knead can keep it private: a data folder or
// journal file that is a symbolic link, not owned by the user, or a folder
// other users may write to is refused, and so is a journal that is not a
// regular file (a pipe would hang knead). knead tightens the modes of its
// own files, and of a folder only when it creates it. Another program's
// SQLite file, or a journal of a newer knead, is refused before anything
// in it is changed.
func Open(dir string) (s *Store, notices []string, err error) {
	return open(dir, false)
}

// OpenReadOnly opens the journal in dir for reading only, as the history
// does: a read-only journal, or one on a read-only disk, can still be
// shown. Nothing is created or changed; a missing journal is an error
// that wraps fs.ErrNotExist.
func OpenReadOnly(dir string) (*Store, []string, error) {
	return open(dir, true)
}

func open(dir string, readOnly bool) (s *Store, notices []string, err error) {
	dir, err = filepath.Abs(dir)
	if err != nil {
		return nil, nil, &OpenError{Path: dir, Err: err}
	}
	path := filepath.Join(dir, FileName)
	n, err := dataFolder(dir, !readOnly)
	if err != nil {
		return nil, nil, &OpenError{Path: path, Err: err, Unsafe: true}
	}
	notices = append(notices, n...)
	exists, err := journalFile(path)
	if err != nil {
		return nil, notices, &OpenError{Path: path, Err: err, Unsafe: true}
	}
	if !exists {
		if readOnly {
			return nil, notices, &OpenError{Path: path, Err: fs.ErrNotExist}
		}
		// Create the file ourselves so that it is private from its
		// first byte; O_EXCL refuses a link put there meanwhile.
		f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
		switch {
		case errors.Is(err, fs.ErrExist):
			// Another knead made it a moment ago: check it as any
			// existing file.
			if _, err := journalFile(path); err != nil {
				return nil, notices, &OpenError{Path: path, Err: err, Unsafe: true}
			}
		case err != nil:
			return nil, notices, &OpenError{Path: path, Err: err}
		default:
			f.Close()
		}
	}
	if err := checkHeader(path); err != nil {
		return nil, notices, err
	}
	empty, err := checkIdentity(path)
	if err != nil {
		return nil, notices, err
	}
	if empty && readOnly {
		// Made but never written (the disk was full when it was
		// created): there is nothing to read yet.
		return nil, notices, &OpenError{Path: path, Err: fs.ErrNotExist}
	}
	if !readOnly && !empty {
		// A damaged page would break a write half-way: a damaged file is
		// named and left as it is, before anything is written to it.
		if err := quickCheck(path); err != nil {
			return nil, notices, err
		}
	}
	files := []string{path, path + "-wal", path + "-shm"}
	if readOnly {
		files = files[:1] // the others are made private once open
	}
	for _, p := range files {
		if n, err := privateFile(p, readOnly); err != nil {
			return nil, notices, &OpenError{Path: path, Err: err, Unsafe: true}
		} else if n != "" {
			notices = append(notices, n)
		}
	}
	db, err := sql.Open("sqlite", address(path, readOnly))
	if err != nil {
		return nil, notices, &OpenError{Path: path, Err: err}
	}
	s = &Store{db: db, path: path, now: time.Now, readOnly: readOnly}
	if readOnly {
		// Reading a journal in WAL mode needs its shared-memory file;
		// where that cannot be made (a read-only folder or disk), the
		// journal is read as a file that does not change.
		if err := db.QueryRow("SELECT count(*) FROM sqlite_master").Scan(new(int)); err != nil {
			db.Close()
			if db, err = sql.Open("sqlite", address(path, true)+"&immutable=1"); err != nil {
				return nil, notices, classify(path, err)
			}
			s.db = db
		}
		// Reading may have made the shared-memory file, with the mode of
		// a journal left readable by others: that new file is made private
		// at least.
		for _, p := range []string{path + "-wal", path + "-shm"} {
			if n, _ := privateFile(p, false); n != "" {
				notices = append(notices, n)
			}
		}
		return s, notices, nil
	}
	if err := retryBusy(s.migrate); err != nil {
		db.Close()
		return nil, notices, classify(path, err)
	}
	// The WAL and shared-memory files appear on first use.
	for _, p := range []string{path + "-wal", path + "-shm"} {
		privateFile(p, false)
	}
	return s, notices, nil
}

// address is the database's URI. Built with net/url, so that any path
// works: a "#", "?", "%" or space in a folder's name is part of the path,
// not the start of SQLite's parameters.
func address(path string, readOnly bool) string {
	q := url.Values{}
	q.Add("_pragma", "busy_timeout(10000)")
	if readOnly {
		q.Set("mode", "ro")
	} else {
		q.Add("_pragma", "journal_mode(WAL)")
		q.Add("_pragma", "foreign_keys(1)")
		q.Add("_pragma", "synchronous(NORMAL)")
	}
	u := url.URL{Scheme: "file", Path: filepath.ToSlash(path), RawQuery: q.Encode()}
	return u.String()
}

// dataFolder checks the data folder, creating it (0700) when it is missing
// and create is set.
func dataFolder(dir string, create bool) (notices []string, err error) {
	info, err := os.Lstat(dir)
	if errors.Is(err, fs.ErrNotExist) && create {
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return nil, err
		}
		// MkdirAll leaves an existing parent alone; the folder itself is
		// new, so its mode is knead's to set, whatever the umask.
		return nil, os.Chmod(dir, 0o700)
	}
	if err != nil {
		return nil, err
	}
	switch {
	case info.Mode()&fs.ModeSymlink != 0:
		return nil, fmt.Errorf("the data folder %s is a symbolic link; knead keeps health data only in a real folder of yours: set KNEAD_DATA_DIR to one", dir)
	case !info.IsDir():
		return nil, fmt.Errorf("the data folder %s is not a folder", dir)
	case !inputs.OwnedByUser(info):
		return nil, fmt.Errorf("the data folder %s belongs to another user; set KNEAD_DATA_DIR to a folder of your own", dir)
	case info.Mode()&fs.ModeSticky != 0 && info.Mode().Perm()&0o022 != 0:
		// A shared folder such as /tmp: its mode is for everyone's sake.
		return nil, fmt.Errorf("the data folder %s is shared by all users (mode %s); set KNEAD_DATA_DIR to a folder of your own", dir, octal(info.Mode()))
	case info.Mode().Perm()&0o022 != 0:
		return nil, fmt.Errorf("other users can write to the data folder %s (mode %s); set KNEAD_DATA_DIR to a folder of your own, or make it private with: chmod 700 %s", dir, octal(info.Mode()), dir)
	case info.Mode().Perm()&0o077 != 0:
		return []string{fmt.Sprintf("other users can read the folder of the history %s (mode %04o); knead leaves folders it did not make alone: chmod 700 %s makes it private", dir, info.Mode().Perm(), dir)}, nil
	}
	return nil, nil
}

// octal writes a mode as chmod takes it, with the sticky, setuid and
// setgid bits: 1777 for /tmp.
func octal(m fs.FileMode) string {
	n := uint32(m.Perm())
	if m&fs.ModeSticky != 0 {
		n |= 0o1000
	}
	if m&fs.ModeSetgid != 0 {
		n |= 0o2000
	}
	if m&fs.ModeSetuid != 0 {
		n |= 0o4000
	}
	return fmt.Sprintf("%04o", n)
}

// journalFile checks the journal file: it must be a regular file of the
// user's, not a link; it may not exist yet.
func journalFile(path string) (exists bool, err error) {
	info, err := os.Lstat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	switch {
	case info.Mode()&fs.ModeSymlink != 0:
		return true, fmt.Errorf("the history file %s is a symbolic link; knead does not follow it. Move the real file there", path)
	case !info.Mode().IsRegular():
		return true, fmt.Errorf("the history file %s is not a regular file; move it aside", path)
	case !inputs.OwnedByUser(info):
		return true, fmt.Errorf("the history file %s belongs to another user", path)
	}
	return true, nil
}

// privateFile tightens the mode of one of knead's files to 0600 when it is
// looser, and says so; readOnly only reports. A link is refused.
func privateFile(path string, readOnly bool) (string, error) {
	info, err := os.Lstat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return "", nil
	}
	if err != nil {
		return "", err
	}
	if info.Mode()&fs.ModeSymlink != 0 || !info.Mode().IsRegular() {
		return "", fmt.Errorf("%s is not a regular file; knead does not follow links to its files", path)
	}
	if info.Mode().Perm()&^0o600 == 0 || !inputs.OwnedByUser(info) {
		return "", nil
	}
	if readOnly {
		return fmt.Sprintf("%s can be read by other users (mode %04o): chmod 600 it", path, info.Mode().Perm()), nil
	}
	if err := os.Chmod(path, 0o600); err != nil {
		return "", err
	}
	return fmt.Sprintf("made %s private (mode 0600, was %04o): it holds health data", path, info.Mode().Perm()), nil
}

// checkHeader refuses a file that exists but is not SQLite, before the
// driver gets a chance to touch it.
func checkHeader(path string) error {
	f, err := os.Open(path)
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

// checkIdentity reads, without changing anything, whose database the file
// is: knead's (its application id, or an older knead's schema with none),
// of a version this knead knows. Opening it for writing would switch it
// to WAL, which changes the file even when knead then refuses it.
func checkIdentity(path string) (empty bool, err error) {
	// Another knead creating the file at this moment shows its tables
	// before its version and id reach the main file: a moment later it
	// is knead's.
	for range 5 {
		if empty, err = identify(path); !errors.Is(err, errForeign) {
			return empty, err
		}
		time.Sleep(50 * time.Millisecond)
	}
	return false, err
}

// errForeign marks a database with tables but no version or id.
var errForeign = errors.New("it is another program's database")

// identify is one look for checkIdentity; empty says the file holds no
// table yet. Where the journal's shared-memory file cannot be made (a
// read-only folder or disk), it looks at the file as one that does not
// change.
func identify(path string) (empty bool, err error) {
	var app, version, tables int
	for _, extra := range []string{"", "&immutable=1"} {
		if app, version, tables, err = look(address(path, true) + extra); err == nil {
			break
		}
	}
	if err != nil {
		return false, classify(path, err)
	}
	switch {
	case app != 0 && app != ApplicationID:
		return false, &OpenError{Path: path, Err: fmt.Errorf("it belongs to another program (application id %#x)", app), Corrupt: true}
	case app == 0 && version == 0 && tables > 0:
		return false, &OpenError{Path: path, Err: errForeign, Corrupt: true}
	case version > len(migrations):
		return false, &OpenError{Path: path, Err: fmt.Errorf("it was written by a newer knead (schema %d, this one knows %d); update knead", version, len(migrations))}
	}
	return tables == 0, nil
}

// quickCheck looks for damage in the file's pages, changing nothing.
func quickCheck(path string) error {
	db, err := sql.Open("sqlite", address(path, true))
	if err != nil {
		return &OpenError{Path: path, Err: err}
	}
	defer db.Close()
	var result string
	if err := db.QueryRow("PRAGMA quick_check(1)").Scan(&result); err != nil {
		return classify(path, err)
	}
	if result != "ok" {
		return &OpenError{Path: path, Err: fmt.Errorf("it is damaged (%s)", routines.Excerpt(result, 60)), Corrupt: true}
	}
	return nil
}

// look reads a database's application id, schema version and number of
// tables, changing nothing.
func look(uri string) (app, version, tables int, err error) {
	db, err := sql.Open("sqlite", uri)
	if err != nil {
		return 0, 0, 0, err
	}
	defer db.Close()
	err = db.QueryRow("PRAGMA application_id").Scan(&app)
	if err == nil {
		err = db.QueryRow("PRAGMA user_version").Scan(&version)
	}
	if err == nil {
		err = db.QueryRow("SELECT count(*) FROM sqlite_master WHERE type = 'table'").Scan(&tables)
	}
	return app, version, tables, err
}
