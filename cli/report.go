package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"time"

	"github.com/spf13/cobra"

	"knead/guide"
	"knead/journal"
	"knead/paths"
	"knead/routines"
	"knead/screening"
)

func newReportCmd() *cobra.Command {
	var person, since, out, format string
	cmd := &cobra.Command{
		Use:   "report",
		Short: "Write a report a doctor can read",
		Long: `Writes one person's sessions as a single HTML page to print or send to a
doctor: a summary of the trend, the pain before and after each session as a
chart, every session, every stop and warning sign, and the screenings. The
file holds everything it needs (no network, nothing fetched) and prints on
two or three A4 or Letter pages; it is readable by you only (mode 0600).
knead prints the file's path. Without --person, the history must hold one
person only.`,
		Example: `  knead report
  knead report --person Anna
  knead report --person me --since 2026-11-01 --out report.html`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if format != "html" {
				return fmt.Errorf("--format %q: knead writes html reports (print them to PDF from a browser)", routines.Excerpt(format, 20))
			}
			o := guide.ReportOptions{Person: person, Out: out, Dir: ".", Now: time.Now(), Library: loadLibrary(discard{})}
			if since != "" {
				t, err := time.ParseInLocation("2006-01-02", since, time.Local)
				if err != nil {
					return fmt.Errorf("--since %q: write the date as YYYY-MM-DD, like 2026-11-01", routines.Excerpt(since, 20))
				}
				o.Since = t
			}
			store, notices, err := journal.OpenReadOnly(paths.DataDir())
			for _, n := range notices {
				fmt.Fprintf(cmd.ErrOrStderr(), "knead: %s\n", n)
			}
			if errors.Is(err, fs.ErrNotExist) {
				return errors.New("no sessions recorded yet: there is nothing to report")
			}
			if err != nil {
				return err
			}
			defer store.Close()
			path, err := guide.WriteReport(store, screening.Default(), o)
			if errors.Is(err, guide.ErrChoosePerson) {
				return fmt.Errorf("%w; give one with --person NAME", err)
			}
			if err != nil {
				return err
			}
			fmt.Fprintln(cmd.OutOrStdout(), routines.Clean(path))
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&person, "person", "", "whose report: \"me\", or a partner's name")
	f.StringVar(&since, "since", "", "sessions from this date (YYYY-MM-DD) on")
	f.StringVar(&out, "out", "", "the file to write (default knead-report-NAME-DATE.html)")
	f.StringVar(&format, "format", "html", "html (the only format)")
	return cmd
}
