package journal

import (
	"fmt"
	"io"
	"time"

	"knead/routines"
)

// WriteOverview writes what `knead history` and the app's history screen
// show: the table of sessions, then for each person their pain chart and
// where their course stands, with its advice.
func (s *Store) WriteOverview(w io.Writer, sessions []Session, now time.Time) {
	WriteTable(w, sessions)
	var order []string
	theirs := map[string][]Session{}
	for _, x := range sessions {
		if _, ok := theirs[x.Person]; !ok {
			order = append(order, x.Person)
		}
		theirs[x.Person] = append(theirs[x.Person], x)
	}
	// One chart a person: the pain of different people is not one line.
	for _, person := range order {
		fmt.Fprintf(w, "\n%s\n%s", routines.Clean(person), Chart(theirs[person], 80))
		c, err := s.CourseFor(person, now)
		if err != nil {
			continue
		}
		line := fmt.Sprintf("%s: next is session %d of %d", routines.Clean(person), c.Number, c.Of)
		if c.Paused {
			line += ", after the pain has settled"
		}
		if !c.SuggestedNext.IsZero() {
			line += ", suggested " + c.SuggestedNext.Local().Format("Mon 2 Jan") + " (daily; or every 2–3 days for a preventive course)"
		}
		fmt.Fprintln(w, "\n"+line)
		for _, a := range c.Advice {
			fmt.Fprintln(w, "  "+a)
		}
	}
}
