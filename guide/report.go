package guide

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"
	"unicode"

	"knead/journal"
	"knead/report"
	"knead/routines"
	"knead/screening"
)

// ReportOptions say which report to write and where.
type ReportOptions struct {
	// Person is the name in the journal ("me" for self-massage); "" takes
	// the only person there is, or says to choose.
	Person string
	Since  time.Time
	// Out is the file to write; "" writes knead-report-NAME-DATE.html in
	// Dir.
	Out, Dir string
	Now      time.Time
	// Library gives the routines their titles; nil shows their ids.
	Library *routines.Library
}

// ErrChoosePerson says the journal holds several people and the report
// is about one.
var ErrChoosePerson = errors.New("choose whose report")

// WriteReport writes the doctor's report of one person from the journal
// and returns its path. The file is private (0600): it holds health data.
func WriteReport(store *journal.Store, q *screening.Questionnaire, o ReportOptions) (string, error) {
	all, err := store.Sessions(journal.Filter{Since: o.Since})
	if err != nil {
		return "", err
	}
	person, err := whoseReport(all, o.Person)
	var none *NoSessionsError
	if errors.As(err, &none) {
		none.Since = o.Since
	}
	if err != nil {
		return "", err
	}
	var sessions []journal.Session
	for _, x := range all {
		if strings.EqualFold(x.Person, person) {
			sessions = append(sessions, x)
		}
	}
	if err := store.WithRatings(sessions); err != nil {
		return "", err
	}
	stops, err := store.Stops(sessions)
	if err != nil {
		return "", err
	}
	screenings, err := store.Screenings(person, o.Since)
	if err != nil {
		return "", err
	}
	standing, err := store.Standing(person)
	if err != nil {
		return "", err
	}
	course, err := store.CourseFor(person, o.Now)
	if err != nil {
		return "", err
	}
	path := o.Out
	if path == "" {
		// Letters and digits only, short: a name may hold anything a
		// shell or a file system would trip over.
		name := strings.Map(func(r rune) rune {
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				return r
			}
			return '-'
		}, report.Who(person))
		name = strings.Trim(strings.Join(strings.FieldsFunc(name, func(r rune) bool { return r == '-' }), "-"), "-")
		if r := []rune(name); len(r) > 40 {
			name = string(r[:40])
		}
		if name == "" {
			name = "partner"
		}
		path = filepath.Join(o.Dir, fmt.Sprintf("knead-report-%s-%s.html", name, o.Now.Format("2006-01-02")))
	}
	if err := replaceable(path); err != nil {
		return "", err
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return "", fmt.Errorf("cannot write the report to %s: %w; write it in a folder you can write to (knead report --out FILE)", path, err)
	}
	if info, err := f.Stat(); err == nil && info.Mode().IsRegular() && info.Mode().Perm() != 0o600 {
		// An older file written over keeps its mode: the report holds
		// health data, so it is made private like a new one.
		if err := f.Chmod(0o600); err != nil {
			f.Close()
			return "", fmt.Errorf("cannot make the report %s private: %w", path, err)
		}
	}
	in := report.Input{Person: person, Since: o.Since, Made: o.Now, Sessions: sessions, Stops: stops,
		Screenings: screenings, Standing: standing, Course: course, Questions: q, Titles: map[string]string{}}
	if o.Library != nil {
		for _, r := range o.Library.All() {
			in.Titles[r.ID] = r.Title
		}
	}
	err = report.Write(f, in)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		// A report cut short (a full disk) would read as a whole one.
		os.Remove(path)
		return "", fmt.Errorf("cannot write the report to %s: %w", path, err)
	}
	return path, nil
}

// replaceable refuses to write a report over a link or over a file that
// is not an earlier knead report: --out names a file the user may need.
func replaceable(path string) error {
	info, err := os.Lstat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return nil // OpenFile says what is wrong
	case info.Mode()&fs.ModeSymlink != 0:
		return fmt.Errorf("%s is a symbolic link; knead writes a report only to a file of its own: give --out another name", path)
	case !info.Mode().IsRegular():
		return nil // a folder or a device: OpenFile says so
	}
	f, err := os.Open(path)
	if err != nil {
		return nil
	}
	defer f.Close()
	head := make([]byte, 512)
	n, _ := io.ReadFull(f, head)
	if !bytes.Contains(head[:n], []byte("<title>Back massage report")) {
		return fmt.Errorf("%s already exists and is not a knead report; give --out another name, or move the file away", path)
	}
	return nil
}

// NoSessionsError says there is nothing to report: for Person, or for
// anyone when Person is "".
type NoSessionsError struct {
	Person string
	Since  time.Time // zero for the whole history
}

func (e *NoSessionsError) Error() string {
	since := ""
	if !e.Since.IsZero() {
		since = " since " + e.Since.Format("Mon 2 Jan 2006")
	}
	if e.Person == "" {
		if since != "" {
			return "no sessions" + since
		}
		return "no sessions recorded yet"
	}
	return "no sessions for " + report.Who(e.Person) + since
}

// whoseReport picks the person: the one asked for, or the only one.
func whoseReport(sessions []journal.Session, asked string) (string, error) {
	people := peopleOf(sessions)
	if strings.EqualFold(asked, "self") && !slices.ContainsFunc(people, func(p string) bool { return strings.EqualFold(p, "self") }) {
		asked = journal.Me // the report calls the user "self"
	}
	if asked != "" {
		for _, p := range people {
			if strings.EqualFold(p, asked) {
				return p, nil
			}
		}
		return "", &NoSessionsError{Person: asked}
	}
	switch len(people) {
	case 0:
		return "", &NoSessionsError{}
	case 1:
		return people[0], nil
	}
	return "", fmt.Errorf("%w: the history holds %s", ErrChoosePerson, strings.Join(people, ", "))
}

// ReportPerson is whose report the flow would write: the person massaged
// in this run, "" before one is known.
func (f *Flow) ReportPerson() string { return f.person.Name }

// WriteReports writes the report of person, or when person is "" one
// report for each person in the journal, and returns their paths.
func WriteReports(store *journal.Store, q *screening.Questionnaire, lib *routines.Library, person, dir string, now time.Time) ([]string, error) {
	people := []string{person}
	if person == "" {
		sessions, err := store.Sessions(journal.Filter{})
		if err != nil {
			return nil, err
		}
		if people = peopleOf(sessions); len(people) == 0 {
			return nil, &NoSessionsError{}
		}
	}
	var paths []string
	for _, p := range people {
		path, err := WriteReport(store, q, ReportOptions{Person: p, Dir: dir, Now: now, Library: lib})
		if err != nil {
			return paths, err
		}
		paths = append(paths, path)
	}
	return paths, nil
}

// WriteReport writes the doctor's report of the person massaged in this
// run into dir and returns its path.
func (f *Flow) WriteReport(dir string, now time.Time) (string, error) {
	if f.journal == nil || f.person.Name == "" {
		return "", &NoSessionsError{}
	}
	return WriteReport(f.journal, f.opts.Questions, ReportOptions{Person: f.person.Name, Dir: dir, Now: now, Library: f.opts.Library})
}

// peopleOf lists the people of sessions, in the order they first appear.
func peopleOf(sessions []journal.Session) []string {
	var people []string
	for _, x := range sessions {
		if !slices.Contains(people, x.Person) {
			people = append(people, x.Person)
		}
	}
	return people
}
