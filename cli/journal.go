package cli

import (
	"fmt"
	"io"

	"knead/journal"
	"knead/paths"
)

// openJournal opens the history, telling the user what it fixed or why it
// could not be opened. A journal that cannot be opened never stops a
// session: safety does not depend on the disk. It returns nil then.
func openJournal(stderr io.Writer) *journal.Store {
	store, notices, err := journal.Open(paths.DataDir())
	for _, n := range notices {
		fmt.Fprintf(stderr, "knead: %s\n", n)
	}
	if err != nil {
		fmt.Fprintf(stderr, "knead: %v\nknead: sessions will run but will not be saved.\n", err)
		return nil
	}
	interrupted, err := store.MarkInterrupted()
	if err != nil {
		fmt.Fprintf(stderr, "knead: could not read the history: %v\n", err)
	}
	for _, x := range interrupted {
		fmt.Fprintf(stderr, "knead: the session of %s (%s, %s) was interrupted at step %d; it is kept in the history as interrupted.\n",
			x.StartedAt.Local().Format("Mon 2 Jan 15:04"), x.Routine, x.Person, max(x.Step, 1))
	}
	return store
}
