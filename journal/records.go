package journal

import (
	"strings"
	"time"
)

// ScreeningRecord is one screening as the journal keeps it.
type ScreeningRecord struct {
	At    time.Time
	Level string
	// Reasons are the ids of the questions that set the level.
	Reasons []string
}

// StandingRecord is one standing answer and when it was last confirmed.
type StandingRecord struct {
	Question    string
	Answer      string
	ConfirmedAt time.Time
}

// StopRecord is a stop in a session: when, at which step (1-based, 0
// before the first), and why.
type StopRecord struct {
	Session int64
	At      time.Time
	Step    int
	Reason  string
}

// Screenings lists a person's screenings, oldest first, since since (all
// when zero).
func (s *Store) Screenings(person string, since time.Time) ([]ScreeningRecord, error) {
	rows, err := s.db.Query(`SELECT k.given_at, k.level, k.reasons FROM screenings k JOIN people p ON p.id = k.person_id
		WHERE p.name = ? AND k.given_at >= ? ORDER BY k.given_at`, person, formatTime(since))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []ScreeningRecord
	for rows.Next() {
		var at, level, reasons string
		if err := rows.Scan(&at, &level, &reasons); err != nil {
			return nil, err
		}
		r := ScreeningRecord{At: parseTime(at), Level: level}
		if reasons != "" {
			r.Reasons = strings.Split(reasons, ",")
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// Standing lists a person's standing answers, by question.
func (s *Store) Standing(person string) ([]StandingRecord, error) {
	rows, err := s.db.Query(`SELECT a.question, a.answer, a.confirmed_at FROM standing_answers a JOIN people p ON p.id = a.person_id
		WHERE p.name = ? ORDER BY a.question`, person)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []StandingRecord
	for rows.Next() {
		var r StandingRecord
		var at string
		if err := rows.Scan(&r.Question, &r.Answer, &at); err != nil {
			return nil, err
		}
		r.ConfirmedAt = parseTime(at)
		out = append(out, r)
	}
	return out, rows.Err()
}

// Stops lists the stops in sessions, in time order: each stop prompt the
// engine raised, with its reason (a rise in pain, a warning sign, the
// user's own stop).
func (s *Store) Stops(sessions []Session) ([]StopRecord, error) {
	var out []StopRecord
	for _, x := range sessions {
		rows, err := s.db.Query(`SELECT at, step, detail FROM events WHERE session_id = ? AND kind = 'cue: stop' ORDER BY id`, x.ID)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var at, detail string
			var step int
			if err := rows.Scan(&at, &step, &detail); err != nil {
				rows.Close()
				return nil, err
			}
			rec := StopRecord{Session: x.ID, At: parseTime(at), Step: step + 1, Reason: detail}
			if n := len(out); n > 0 && out[n-1].Session == x.ID && out[n-1].Step == rec.Step && strings.HasPrefix(detail, out[n-1].Reason) {
				// A worse rating at the stop prompt adds to the same stop's
				// reason: one stop, from its first moment, with every reason.
				out[n-1].Reason = detail
				continue
			}
			out = append(out, rec)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	return out, nil
}
