package journal

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/charmbracelet/x/ansi"

	"knead/routines"
)

// WriteOverview writes what `knead history` and the app's history screen
// show: the table of sessions, then for each person their pain chart and
// where their course stands, with its advice wrapped to width columns.
func (s *Store) WriteOverview(w io.Writer, sessions []Session, now time.Time, width int) {
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
			// Advice is read whole: wrapped, never cut.
			wrapped := ansi.Wordwrap(a, max(width-2, 20), "")
			fmt.Fprintln(w, "  "+strings.ReplaceAll(wrapped, "\n", "\n  "))
		}
	}
}
