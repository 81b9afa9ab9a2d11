package journal

import (
	"fmt"
	"io"
	"text/tabwriter"
	"time"
)

// PracticeRun is one run of the tempo trainer.
type PracticeRun struct {
	StartedAt time.Time
	Routine   string
	Step      int // 1-based
	Technique string
	Target    time.Duration // zero when the technique has none
	Passes    int
	Mean      time.Duration
	Spread    time.Duration
	Verdict   string
}

// SavePractice records a practice run. Practice is never a session: it has
// its own table and never counts in a course.
func (s *Store) SavePractice(r PracticeRun) error {
	return retryBusy(func() error {
		_, err := s.db.Exec(`INSERT INTO practice (started_at, routine, step, technique, target_ms, passes, mean_ms, spread_ms, verdict)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, formatTime(r.StartedAt), r.Routine, r.Step, r.Technique,
			r.Target.Milliseconds(), r.Passes, r.Mean.Milliseconds(), r.Spread.Milliseconds(), r.Verdict)
		return err
	})
}

// PracticeRuns lists practice runs by technique, then time.
func (s *Store) PracticeRuns() ([]PracticeRun, error) {
	rows, err := s.db.Query(`SELECT started_at, routine, step, technique, target_ms, passes, mean_ms, spread_ms, verdict
		FROM practice ORDER BY technique, started_at`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []PracticeRun
	for rows.Next() {
		var r PracticeRun
		var at string
		var target, mean, spread int64
		if err := rows.Scan(&at, &r.Routine, &r.Step, &r.Technique, &target, &r.Passes, &mean, &spread, &r.Verdict); err != nil {
			return nil, err
		}
		r.StartedAt, r.Target, r.Mean, r.Spread = parseTime(at), ms(target), ms(mean), ms(spread)
		out = append(out, r)
	}
	return out, rows.Err()
}

func ms(n int64) time.Duration { return time.Duration(n) * time.Millisecond }

// WritePracticeTable shows practice runs grouped by technique, so that a
// learner sees the tempo and the evenness change over time.
func WritePracticeTable(w io.Writer, runs []PracticeRun) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "TECHNIQUE\tDATE\tROUTINE\tSTEP\tPASSES\tPER PASS\tTARGET\tSPREAD\tVERDICT")
	for _, r := range runs {
		target := "–"
		if r.Target > 0 {
			target = fmt.Sprintf("%.1f s", r.Target.Seconds())
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%d\t%.1f s\t%s\t%.2f s\t%s\n", r.Technique, r.StartedAt.Local().Format("2006-01-02 15:04"),
			r.Routine, r.Step, r.Passes, r.Mean.Seconds(), target, r.Spread.Seconds(), r.Verdict)
	}
	tw.Flush()
}
