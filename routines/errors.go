package routines

import (
	"fmt"
	"sort"
	"strings"
)

// Problem is one thing wrong in a routine file, at a line of it.
type Problem struct {
	File string
	Line int // 0 when the problem concerns the whole file
	Msg  string
}

// Error formats the problem as FILE:LINE: message, the form editors and
// compilers use, so a user can jump to the line.
// Error is the problem as one line, cleaned: a file's name and the values
// quoted from it come from outside.
func (p Problem) Error() string {
	if p.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", Clean(p.File), p.Line, Clean(p.Msg))
	}
	return fmt.Sprintf("%s: %s", Clean(p.File), Clean(p.Msg))
}

// FileError lists every problem found in one routine file, in line order.
type FileError struct {
	File     string
	Problems []Problem
}

// Error prints one problem a line.
func (e *FileError) Error() string {
	lines := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		lines[i] = p.Error()
	}
	return strings.Join(lines, "\n")
}

// problems collects the problems of one file as it is read.
type problems struct {
	file string
	list []Problem
}

func (ps *problems) add(line int, format string, args ...any) {
	ps.list = append(ps.list, Problem{File: ps.file, Line: line, Msg: fmt.Sprintf(format, args...)})
}

// at reports whether a problem was already found on line.
func (ps *problems) at(line int) bool {
	for _, p := range ps.list {
		if p.Line == line {
			return true
		}
	}
	return false
}

// err returns nil when nothing was found, so callers can write
// `if err := ps.err(); err != nil`.
func (ps *problems) err() error {
	if len(ps.list) == 0 {
		return nil
	}
	sort.SliceStable(ps.list, func(i, j int) bool { return ps.list[i].Line < ps.list[j].Line })
	return &FileError{File: ps.file, Problems: ps.list}
}
