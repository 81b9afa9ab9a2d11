package journal

import "time"

// Rating is one pain rating given during a session: how long after the
// session started, in which step (1 for the first; 0 before it), and the
// pain.
type Rating struct {
	After time.Duration
	Step  int
	Pain  int
}

// Ratings are the pain ratings of a session, in the order given. The step
// of a rating is the step last started before it.
func (s *Store) Ratings(session Session) ([]Rating, error) {
	rows, err := s.db.Query(`SELECT at, kind, step, COALESCE(value, -1) FROM events
		WHERE session_id = ? AND (kind = 'pain' OR kind = 'cue: step start') ORDER BY id`, session.ID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Rating
	step := 0
	for rows.Next() {
		var at, kind string
		var st, value int
		if err := rows.Scan(&at, &kind, &st, &value); err != nil {
			return nil, err
		}
		if kind != "pain" {
			step = st + 1
			continue
		}
		when := parseTime(at)
		out = append(out, Rating{After: max(when.Sub(session.StartedAt), 0), Step: step, Pain: value})
	}
	return out, rows.Err()
}

// WithRatings fills each session's ratings from the events.
func (s *Store) WithRatings(sessions []Session) error {
	for i := range sessions {
		r, err := s.Ratings(sessions[i])
		if err != nil {
			return err
		}
		sessions[i].Ratings = r
	}
	return nil
}
