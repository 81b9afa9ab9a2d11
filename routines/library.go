package routines

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"knead/inputs"
)

//go:embed data/*.yaml
var builtinFiles embed.FS

// Library is every routine knead can run: the built-in ones, then the user's.
type Library struct {
	list []*Routine
	byID map[string]*Routine
}

// BuiltIn parses the routines embedded in knead. They are checked by tests,
// so an error here means a broken build, reported rather than panicking.
func BuiltIn() (*Library, error) {
	lib := &Library{byID: map[string]*Routine{}}
	names, err := fs.Glob(builtinFiles, "data/*.yaml")
	if err != nil {
		return nil, err
	}
	for _, name := range names {
		data, err := builtinFiles.ReadFile(name)
		if err != nil {
			return nil, err
		}
		r, err := Parse("built-in "+filepath.Base(name), data)
		if err != nil {
			return nil, err
		}
		lib.add(r)
	}
	return lib, nil
}

// Load returns the built-in routines plus the valid routine files
// (*.yaml, *.yml) in dir. A missing dir is not an error. Each bad file is
// reported in the returned list and skipped; the others still load.
func Load(dir string) (*Library, []error) {
	lib, err := BuiltIn()
	if err != nil {
		return nil, []error{err}
	}
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return lib, nil
	}
	if err != nil {
		return lib, []error{fmt.Errorf("cannot read your routines folder %s: %w", dir, err)}
	}
	var problems []error
	for _, e := range entries {
		ext := strings.ToLower(filepath.Ext(e.Name()))
		if e.IsDir() || (ext != ".yaml" && ext != ".yml") {
			continue
		}
		path := filepath.Join(dir, e.Name())
		r, err := ReadFile(path)
		if err != nil {
			problems = append(problems, err)
			continue
		}
		if other, taken := lib.byID[r.ID]; taken {
			where := "a built-in routine"
			if !other.BuiltIn() {
				where = other.File
			}
			problems = append(problems, Problem{File: path, Line: 1, Msg: fmt.Sprintf("id %q is already used by %s; choose another id", r.ID, where)})
			continue
		}
		lib.add(r)
	}
	return lib, problems
}

// ReadFile reads and checks one routine file. A pipe, a device or a file
// over MaxFileSize is refused before anything is parsed.
func ReadFile(path string) (*Routine, error) {
	data, err := inputs.Read(path, MaxFileSize)
	if err != nil {
		return nil, Problem{File: path, Msg: describeOpenError(err)}
	}
	r, err := Parse(path, data)
	if err != nil {
		return nil, err
	}
	r.File = path
	return r, nil
}

func describeOpenError(err error) string {
	var tooLarge *inputs.TooLargeError
	switch {
	case errors.As(err, &tooLarge):
		return tooLarge.Error() + " for a routine file; a real routine is a few kilobytes"
	case errors.Is(err, inputs.ErrNotRegular):
		return err.Error() + "; give the path of a .yaml routine file"
	case errors.Is(err, fs.ErrNotExist):
		return "no such file"
	case errors.Is(err, fs.ErrPermission):
		return "permission denied; check the file's permissions"
	}
	return err.Error()
}

func (l *Library) add(r *Routine) {
	l.list = append(l.list, r)
	l.byID[r.ID] = r
	sort.SliceStable(l.list, func(i, j int) bool {
		if l.list[i].BuiltIn() != l.list[j].BuiltIn() {
			return l.list[i].BuiltIn()
		}
		return l.list[i].ID < l.list[j].ID
	})
}

// All returns the routines, built-in ones first, each group by id.
func (l *Library) All() []*Routine { return l.list }

// Get finds a routine by id.
func (l *Library) Get(id string) (*Routine, bool) {
	r, ok := l.byID[id]
	return r, ok
}

// IDs lists the ids in the order of All, for error messages and completion.
func (l *Library) IDs() []string {
	ids := make([]string, len(l.list))
	for i, r := range l.list {
		ids[i] = r.ID
	}
	return ids
}
