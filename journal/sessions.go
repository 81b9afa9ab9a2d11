package journal

import (
	"bytes"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"strings"
	"syscall"
	"time"

	"knead/coach"
)

// Session is one recorded session as the history shows it.
type Session struct {
	ID           int64
	Person       string
	Routine      string
	StartedAt    time.Time
	EndedAt      time.Time // zero while running or when interrupted
	Active       time.Duration
	Baseline     int // -1 when not given
	Final        int // -1 when not given
	Outcome      string
	StopReason   string
	StepsDone    int
	StepsPlanned int
	CourseNumber int
	StepsSkipped int
	// FinishedGently: after a stop, the session ended with gentle
	// stroking.
	FinishedGently bool
	// PainStop and WarningSign say why a session stopped, for advice.
	PainStop    bool
	WarningSign bool
	// Step is the 1-based step the session had reached, for "interrupted
	// at step N"; 0 before the first step.
	Step int
	// Ratings are the pain ratings given during the session, filled by
	// WithRatings for the exports.
	Ratings []Rating
}

// Possible Outcome values besides the engine's own (completed, stopped,
// ended).
const (
	OutcomeInterrupted = "interrupted"
	OutcomeRunning     = "running"
)

// Filter narrows the history.
type Filter struct {
	Person string    // "" for everyone
	Since  time.Time // zero for all time
}

// Sessions lists sessions, oldest first. A session that never ended and
// whose process is gone reads as interrupted.
func (s *Store) Sessions(f Filter) ([]Session, error) {
	query := `SELECT s.id, p.name, s.routine, s.started_at, COALESCE(s.ended_at, ''), s.active_ms,
		COALESCE(s.baseline, -1), COALESCE(s.final, -1), COALESCE(s.outcome, ''), s.stop_reason,
		s.steps_done, s.steps_planned, s.course_number, s.current_step, s.pid, s.pid_start,
		s.steps_skipped, s.finished_gently, s.pain_stop, s.warning_sign
		FROM sessions s JOIN people p ON p.id = s.person_id WHERE 1 = 1`
	var args []any
	if f.Person != "" {
		query += " AND p.name = ?"
		args = append(args, f.Person)
	}
	if !f.Since.IsZero() {
		query += " AND s.started_at >= ?"
		args = append(args, formatTime(f.Since))
	}
	query += " ORDER BY s.started_at, s.id"
	rows, err := s.db.Query(query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Session
	for rows.Next() {
		var x Session
		var started, ended string
		var activeMS int64
		var step, pid int
		var pidStart string
		if err := rows.Scan(&x.ID, &x.Person, &x.Routine, &started, &ended, &activeMS, &x.Baseline, &x.Final,
			&x.Outcome, &x.StopReason, &x.StepsDone, &x.StepsPlanned, &x.CourseNumber, &step, &pid, &pidStart,
			&x.StepsSkipped, &x.FinishedGently, &x.PainStop, &x.WarningSign); err != nil {
			return nil, err
		}
		x.StartedAt, x.Active, x.Step = parseTime(started), time.Duration(activeMS)*time.Millisecond, step+1
		if ended != "" {
			x.EndedAt = parseTime(ended)
		}
		if x.Outcome == "" {
			x.Outcome = OutcomeInterrupted
			if alive(pid, pidStart) {
				x.Outcome = OutcomeRunning
			}
		}
		out = append(out, x)
	}
	return out, rows.Err()
}

// Facts are what advice after this session depends on.
func (x Session) Facts() coach.Facts {
	return coach.Facts{Outcome: coach.Outcome(x.Outcome), StopReason: x.StopReason, PainStop: x.PainStop,
		WarningSign: x.WarningSign, Baseline: x.Baseline, Final: x.Final, Person: addressee(x.Person)}
}

// Massaged says the session gave some massage: one that ended before the
// first step does not count toward the course.
func (x Session) Massaged() bool { return x.Active > 0 }

// alive reports whether the process with this pid that started at start
// (as processStart gave it; "" when unknown) still runs. The journal is
// local to one machine; the start time tells a reused pid from the
// session's own process.
func alive(pid int, start string) bool {
	if pid <= 0 {
		return false
	}
	if pid == os.Getpid() {
		return true
	}
	err := syscall.Kill(pid, 0)
	if err != nil && !errors.Is(err, syscall.EPERM) {
		return false
	}
	stat, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return true // no /proc here: the pid is all there is to go by
	}
	// A zombie has exited; only its parent has not collected it yet.
	fields := statFields(stat)
	if len(fields) > 0 && fields[0] == "Z" {
		return false
	}
	return start == "" || processStart(pid) == start
}

// processStart is when process pid started, in clock ticks since boot
// (field 22 of /proc/PID/stat, Linux), or "" where that is not known.
func processStart(pid int) string {
	stat, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return ""
	}
	if fields := statFields(stat); len(fields) > 19 {
		return fields[19]
	}
	return ""
}

// statFields are the fields of /proc/PID/stat after the command name,
// which is in parentheses and may hold spaces: the state first.
func statFields(stat []byte) []string {
	i := bytes.LastIndexByte(stat, ')')
	if i < 0 {
		return nil
	}
	return strings.Fields(string(stat[i+1:]))
}

// MarkInterrupted gives every session that never ended, and whose process
// is gone, the outcome "interrupted", and returns them so the app can say
// so at start.
func (s *Store) MarkInterrupted() ([]Session, error) {
	all, err := s.Sessions(Filter{})
	if err != nil {
		return nil, err
	}
	var marked []Session
	for _, x := range all {
		if x.Outcome != OutcomeInterrupted {
			continue
		}
		res, err := s.db.Exec(`UPDATE sessions SET outcome = ?, ended_at = (SELECT MAX(at) FROM events WHERE session_id = sessions.id)
			WHERE id = ? AND outcome IS NULL`, OutcomeInterrupted, x.ID)
		if err != nil {
			return marked, err
		}
		if n, _ := res.RowsAffected(); n > 0 {
			marked = append(marked, x)
		}
	}
	return marked, nil
}

// Event is one stored event of a session.
type Event struct {
	At     time.Time
	Kind   string
	Step   int
	Value  sql.NullInt64
	Detail string
}

// Events returns a session's events in the order they happened.
func (s *Store) Events(session int64) ([]Event, error) {
	rows, err := s.db.Query("SELECT at, kind, step, value, detail FROM events WHERE session_id = ? ORDER BY id", session)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Event
	for rows.Next() {
		var e Event
		var at string
		if err := rows.Scan(&at, &e.Kind, &e.Step, &e.Value, &e.Detail); err != nil {
			return nil, err
		}
		e.At = parseTime(at)
		out = append(out, e)
	}
	return out, rows.Err()
}

// DeletePerson removes a person and everything recorded about them, then
// compacts the file so that nothing remains on disk.
func (s *Store) DeletePerson(name string) (bool, error) {
	res, err := s.db.Exec("DELETE FROM people WHERE name = ?", name)
	if err != nil {
		return false, err
	}
	n, _ := res.RowsAffected()
	return n > 0, s.vacuum()
}

// DeleteAll removes every record, then compacts the file.
func (s *Store) DeleteAll() error {
	for _, table := range []string{"events", "sessions", "screenings", "standing_answers", "people", "practice"} {
		if _, err := s.db.Exec("DELETE FROM " + table); err != nil {
			return err
		}
	}
	return s.vacuum()
}

// vacuum rewrites the file without the deleted rows, so that they are
// gone from the disk too. It needs room for a copy of the file.
func (s *Store) vacuum() error {
	_, err := s.db.Exec("VACUUM")
	if err == nil {
		_, err = s.db.Exec("PRAGMA wal_checkpoint(TRUNCATE)")
	}
	if err != nil {
		return fmt.Errorf("the sessions are deleted from the history, but their data is still in the file until it is rewritten, which failed (%w); free some space and run the same command again to remove it from the disk", err)
	}
	return nil
}
