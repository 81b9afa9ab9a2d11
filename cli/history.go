package cli

import (
	"bufio"
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"knead/journal"
	"knead/paths"
	"knead/routines"
)

type historyOptions struct {
	person    string
	since     string
	csv, json bool
	delete    bool
	deleteAll bool
	yes       bool
	practice  bool
}

func newHistoryCmd() *cobra.Command {
	o := &historyOptions{}
	cmd := &cobra.Command{
		Use:   "history",
		Short: "Show, export or delete past sessions",
		Long: `Shows every recorded session (date, person, routine, minutes, pain before and
after, how it ended) and a chart of the pain across the course. --csv and
--json export the same for a doctor or a spreadsheet (formats in
docs/history.md). The history is kept in knead.db in knead's data folder:
$KNEAD_DATA_DIR, else $XDG_DATA_HOME/knead, else ~/.local/share/knead,
readable by you only.`,
		Example: `  knead history
  knead history --person me --since 2026-11-01
  knead history --csv > sessions.csv
  knead history --delete --person Ann
  knead history --delete-all`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runHistory(cmd, o)
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.person, "person", "", "only this person (\"me\", or a partner's name)")
	f.StringVar(&o.since, "since", "", "only sessions from this date (YYYY-MM-DD) on")
	f.BoolVar(&o.csv, "csv", false, "print CSV")
	f.BoolVar(&o.json, "json", false, "print JSON")
	f.BoolVar(&o.delete, "delete", false, "delete everything recorded about --person")
	f.BoolVar(&o.deleteAll, "delete-all", false, "delete the whole history")
	f.BoolVar(&o.yes, "yes", false, "do not ask before deleting")
	f.BoolVar(&o.practice, "practice", false, "practice runs: tempo and evenness")
	return cmd
}

func runHistory(cmd *cobra.Command, o *historyOptions) error {
	if o.csv && o.json {
		return errors.New("choose one of --csv and --json")
	}
	if o.delete && o.person == "" {
		return errors.New("--delete needs --person NAME; to delete everything use --delete-all")
	}
	filter := journal.Filter{Person: o.person}
	if o.since != "" {
		t, err := time.ParseInLocation("2006-01-02", o.since, time.Local)
		if err != nil {
			return fmt.Errorf("--since %q: write the date as YYYY-MM-DD, like 2026-11-01", o.since)
		}
		filter.Since = t
	}
	// Only deleting writes: showing and exporting open the journal read
	// only, so that a read-only journal can still be shown.
	open := journal.OpenReadOnly
	if o.delete || o.deleteAll {
		open = journal.Open
	}
	store, notices, err := open(paths.DataDir())
	for _, n := range notices {
		fmt.Fprintf(cmd.ErrOrStderr(), "knead: %s\n", n)
	}
	if errors.Is(err, fs.ErrNotExist) {
		store, err = nil, nil // no journal yet: an empty history
	}
	if err != nil {
		return err
	}
	if store != nil {
		defer store.Close()
	}
	out := cmd.OutOrStdout()
	switch {
	case o.delete, o.deleteAll:
		return deleteHistory(cmd, store, o)
	}
	if o.practice {
		var runs []journal.PracticeRun
		if store != nil {
			if runs, err = store.PracticeRuns(); err != nil {
				return err
			}
		}
		if len(runs) == 0 {
			fmt.Fprintln(out, "No practice runs yet. Start one with: knead practice")
			return nil
		}
		journal.WritePracticeTable(out, runs)
		return nil
	}
	var sessions []journal.Session
	if store != nil {
		if sessions, err = store.Sessions(filter); err != nil {
			return fmt.Errorf("reading the history %s: %w", store.Path(), err)
		}
	}
	if (o.csv || o.json) && store != nil {
		if err := store.WithRatings(sessions); err != nil {
			return fmt.Errorf("reading the history %s: %w", store.Path(), err)
		}
	}
	switch {
	case o.csv:
		return journal.WriteCSV(out, sessions)
	case o.json:
		return journal.WriteJSON(out, sessions)
	}
	switch {
	case len(sessions) == 0 && o.person != "":
		fmt.Fprintf(out, "No sessions for %s.\n", routines.Clean(o.person))
		return nil
	case len(sessions) == 0:
		fmt.Fprintln(out, "No sessions recorded yet. Start one with: knead")
		return nil
	}
	store.WriteOverview(out, sessions, time.Now(), 80)
	return nil
}

func deleteHistory(cmd *cobra.Command, store *journal.Store, o *historyOptions) error {
	what := "the whole history in " + store.Path()
	if o.delete {
		what = "everything recorded about " + o.person
	}
	if !o.yes {
		fmt.Fprintf(cmd.OutOrStdout(), "Delete %s? This cannot be undone. Type yes to confirm: ", what)
		line, _ := bufio.NewReader(cmd.InOrStdin()).ReadString('\n')
		if strings.TrimSpace(strings.ToLower(line)) != "yes" {
			return errors.New("nothing deleted")
		}
	}
	if o.deleteAll {
		if err := store.DeleteAll(); err != nil {
			return err
		}
	} else {
		found, err := store.DeletePerson(o.person)
		if err != nil {
			return err
		}
		if !found {
			return fmt.Errorf("no person named %q in the history", o.person)
		}
	}
	fmt.Fprintf(cmd.OutOrStdout(), "Deleted %s.\n", what)
	return nil
}
