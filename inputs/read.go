// Package inputs reads the files knead takes from outside (routines,
// settings, answers) so that no file can hang it or exhaust its memory:
// only regular files, opened without blocking, read up to a limit, and
// YAML checked for depth, size and aliases before a parser sees it.
package inputs

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
)

// ErrNotRegular is the error of a path that is a folder, a pipe, a
// device or a socket: reading one could block for ever or never end.
var ErrNotRegular = errors.New("not a regular file")

// TooLargeError says a file is over its limit, with its real size.
type TooLargeError struct {
	Size, Limit int64
}

func (e *TooLargeError) Error() string {
	return fmt.Sprintf("the file is %s; the limit is %s", Size(e.Size), Size(e.Limit))
}

// Size writes a byte count as people read it: "812 bytes", "64 KB",
// "50.0 MB".
func Size(n int64) string {
	switch {
	case n < 1<<10:
		return fmt.Sprintf("%d bytes", n)
	case n < 1<<20:
		return fmt.Sprintf("%d KB", n>>10)
	}
	return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
}

// Read returns the contents of the regular file at path, at most limit
// bytes. A pipe, device or folder is refused before anything is read: it
// is opened without blocking (a FIFO would otherwise wait for a writer),
// then checked. Errors wrap fs.ErrNotExist and fs.ErrPermission as os
// does, ErrNotRegular, or are a *TooLargeError.
func Read(path string, limit int64) ([]byte, error) {
	f, err := openNonBlocking(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, fmt.Errorf("%w (it is %s)", ErrNotRegular, kind(info.Mode()))
	}
	if info.Size() > limit {
		return nil, &TooLargeError{Size: info.Size(), Limit: limit}
	}
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > limit { // grew while it was read
		return nil, &TooLargeError{Size: int64(len(data)), Limit: limit}
	}
	// Editors on some systems start a text file with a byte-order mark;
	// it is not part of the first key.
	return bytes.TrimPrefix(data, []byte("\ufeff")), nil
}

// ReadPrivate is Read for a file that can make knead run a command (the
// settings file names the speech command): it must belong to the user and
// be writable by no one else, or another user could choose the command.
func ReadPrivate(path string, limit int64) ([]byte, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	switch {
	case !OwnedByUser(info):
		return nil, &NotPrivateError{Why: "it belongs to another user"}
	case info.Mode().IsRegular() && info.Mode().Perm()&0o022 != 0:
		return nil, &NotPrivateError{Why: fmt.Sprintf("other users can change it (mode %04o)", info.Mode().Perm()), Fix: "chmod 600 " + path}
	}
	return Read(path, limit)
}

// NotPrivateError says why a file that can name a command is not read.
type NotPrivateError struct {
	Why, Fix string // Fix is the command that makes it safe, "" for none
}

func (e *NotPrivateError) Error() string {
	msg := e.Why + ", and it can name a command for knead to run, so knead does not read it"
	if e.Fix != "" {
		msg += "; make it yours alone with: " + e.Fix
	}
	return msg
}

// kind names a file mode that is not a regular file.
func kind(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a folder"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0:
		return "a device"
	}
	return "not a plain file"
}
