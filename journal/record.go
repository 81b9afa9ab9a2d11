package journal

import (
	"database/sql"
	"os"
	"sync"
	"time"

	"knead/coach"
)

// StartSession records the start of a session and returns its id.
func (s *Store) StartSession(personID int64, routine string, stepsPlanned, courseNumber int, at time.Time) (int64, error) {
	res, err := s.db.Exec(`INSERT INTO sessions (person_id, routine, started_at, steps_planned, course_number, pid, pid_start)
		VALUES (?, ?, ?, ?, ?, ?, ?)`, personID, routine, formatTime(at), stepsPlanned, courseNumber, os.Getpid(), processStart(os.Getpid()))
	if err != nil {
		return 0, err
	}
	return res.LastInsertId()
}

// Recorder writes one session's engine log to the journal in order, each
// record in its own transaction with the session's running totals, so that
// the file always holds everything up to the last record written.
type Recorder struct {
	store   *Store
	session int64
	mu      sync.Mutex
	next    int             // index of the next log record to write
	pending map[int][]Batch // batches that arrived early, by first index
}

// Batch is a stretch of the engine's log, from index From, with the summary
// read at the same moment.
type Batch struct {
	From    int
	Records []coach.Record
	Summary coach.Summary
	State   coach.State
}

// NewRecorder records into session id.
func (s *Store) NewRecorder(session int64) *Recorder {
	return &Recorder{store: s, session: session, pending: map[int][]Batch{}}
}

// Written is how many log records are in the journal: a batch that
// failed partway wrote the records before the failure.
func (r *Recorder) Written() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.next
}

// Write stores a batch. Batches may arrive in any order (they come from
// concurrent commands); they are written in log order.
func (r *Recorder) Write(b Batch) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if b.From != r.next {
		r.pending[b.From] = append(r.pending[b.From], b)
		return nil
	}
	for {
		if err := r.write(b); err != nil {
			return err
		}
		queued := r.pending[r.next]
		if len(queued) == 0 {
			return nil
		}
		b = queued[0]
		if len(queued) == 1 {
			delete(r.pending, r.next)
		} else {
			r.pending[r.next] = queued[1:]
		}
	}
}

func (r *Recorder) write(b Batch) error {
	if len(b.Records) == 0 {
		return retryBusy(func() error { return r.store.updateSession(r.session, b.Summary, b.State) })
	}
	for _, rec := range b.Records {
		if err := retryBusy(func() error { return r.store.writeRecord(r.session, rec, b.Summary, b.State) }); err != nil {
			return err
		}
		r.next++
	}
	return nil
}

// writeRecord commits one log record and the session's totals together.
func (s *Store) writeRecord(session int64, rec coach.Record, sum coach.Summary, st coach.State) error {
	tx, err := s.db.Begin()
	if err != nil {
		return err
	}
	defer tx.Rollback()
	kind, step, value, detail := describe(rec)
	if _, err := tx.Exec("INSERT INTO events (session_id, at, kind, step, value, detail) VALUES (?, ?, ?, ?, ?, ?)",
		session, formatTime(rec.At), kind, step, value, detail); err != nil {
		return err
	}
	if err := updateSessionTx(tx, session, sum, st, rec.At); err != nil {
		return err
	}
	return tx.Commit()
}

func (s *Store) updateSession(session int64, sum coach.Summary, st coach.State) error {
	tx, err := s.db.Begin()
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := updateSessionTx(tx, session, sum, st, s.now()); err != nil {
		return err
	}
	return tx.Commit()
}

// updateSessionTx writes the session's running totals. A session with an
// outcome has ended.
func updateSessionTx(tx *sql.Tx, session int64, sum coach.Summary, st coach.State, at time.Time) error {
	var ended, outcome any
	if sum.Outcome != "" {
		ended, outcome = formatTime(at), string(sum.Outcome)
	}
	_, err := tx.Exec(`UPDATE sessions SET baseline = ?, final = ?, steps_done = ?, steps_planned = ?, active_ms = ?,
		stop_reason = ?, outcome = COALESCE(?, outcome), ended_at = COALESCE(?, ended_at), current_step = ?,
		steps_skipped = ?, finished_gently = ?, pain_stop = ?, warning_sign = ? WHERE id = ?`,
		nullable(sum.Baseline), nullable(sum.Final), sum.StepsCompleted, sum.StepsPlanned, sum.Active.Milliseconds(),
		sum.StopReason, outcome, ended, st.StepIndex, sum.StepsSkipped, sum.FinishedGently, sum.PainStop, sum.WarningSign, session)
	return err
}

// nullable stores -1 (not given) as NULL.
func nullable(v int) any {
	if v < 0 {
		return nil
	}
	return v
}

// describe turns a log record into an event row.
func describe(rec coach.Record) (kind string, step int, value any, detail string) {
	step = -1
	if rec.Event != nil {
		e := rec.Event
		kind = e.Kind.String()
		switch e.Kind {
		case coach.Rate:
			value = e.Pain
		case coach.ChooseSide:
			detail = string(e.Side)
		}
		return kind, step, value, detail
	}
	c := rec.Cue
	kind, step, detail = "cue: "+c.Kind.String(), c.Step, c.Title
	switch c.Kind {
	case coach.CuePass:
		value = c.Pass
	case coach.CueStop, coach.CueEase, coach.CueSessionEnd:
		detail = c.Text
	}
	return kind, step, value, detail
}
