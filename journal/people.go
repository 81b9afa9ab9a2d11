package journal

import (
	"database/sql"
	"errors"
	"strings"
	"time"

	"knead/screening"
)

// Me is the name of the person who uses knead on themselves.
const Me = "me"

// Person is someone massaged: the user ("me") or a named partner.
type Person struct {
	ID   int64
	Name string
	Self bool
}

// Person finds or adds a person. An empty name means "me" for self-massage
// and "partner" for a partner without a name.
func (s *Store) Person(name string, mode screening.Mode) (Person, error) {
	name = strings.TrimSpace(name)
	self := mode == screening.Self
	switch {
	case self:
		name = Me
	case name == "":
		name = "partner"
	}
	var p Person
	err := s.db.QueryRow("SELECT id, name, is_self FROM people WHERE name = ?", name).Scan(&p.ID, &p.Name, &p.Self)
	if err == nil {
		return p, nil
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return p, err
	}
	res, err := s.db.Exec("INSERT INTO people (name, is_self, created_at) VALUES (?, ?, ?) ON CONFLICT(name) DO NOTHING", name, self, formatTime(s.now()))
	if err != nil {
		return p, err
	}
	if id, _ := res.LastInsertId(); id > 0 {
		return Person{ID: id, Name: name, Self: self}, nil
	}
	// Another process added the same person a moment ago.
	err = s.db.QueryRow("SELECT id, name, is_self FROM people WHERE name = ?", name).Scan(&p.ID, &p.Name, &p.Self)
	return p, err
}

// StandingValidity is how long standing answers are taken as confirmed
// before they are asked afresh.
const StandingValidity = 30 * 24 * time.Hour

// StandingAnswers returns the person's remembered answers to standing
// questions, and when they were last confirmed. Answers older than
// StandingValidity at now are not returned: they must be asked again.
func (s *Store) StandingAnswers(personID int64, q *screening.Questionnaire, now time.Time) (screening.Answers, time.Time, error) {
	rows, err := s.db.Query("SELECT question, answer, confirmed_at FROM standing_answers WHERE person_id = ?", personID)
	if err != nil {
		return nil, time.Time{}, err
	}
	defer rows.Close()
	answers := screening.Answers{}
	var oldest time.Time
	for rows.Next() {
		var id, text, at string
		if err := rows.Scan(&id, &text, &at); err != nil {
			return nil, time.Time{}, err
		}
		x, ok := q.Question(id)
		if !ok || !x.Remembered() {
			continue // a question this version no longer has, or no longer keeps
		}
		a, err := screening.ParseAnswer(x, text)
		if err != nil {
			continue
		}
		t := parseTime(at)
		if oldest.IsZero() || t.Before(oldest) {
			oldest = t
		}
		answers[id] = a
	}
	if err := rows.Err(); err != nil {
		return nil, time.Time{}, err
	}
	if len(answers) == 0 || now.Sub(oldest) > StandingValidity {
		return screening.Answers{}, time.Time{}, nil
	}
	return answers, oldest, nil
}

// SaveStandingAnswers remembers the standing yes/no answers among a as
// confirmed at. Today questions, and numbers, are never stored.
func (s *Store) SaveStandingAnswers(personID int64, q *screening.Questionnaire, a screening.Answers, at time.Time) error {
	tx, err := s.db.Begin()
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.Exec("DELETE FROM standing_answers WHERE person_id = ?", personID); err != nil {
		return err
	}
	for id, ans := range a {
		if x, ok := q.Question(id); !ok || !x.Remembered() {
			continue
		}
		if _, err := tx.Exec("INSERT INTO standing_answers (person_id, question, answer, confirmed_at) VALUES (?, ?, ?, ?)", personID, id, ans.String(), formatTime(at)); err != nil {
			return err
		}
	}
	return tx.Commit()
}

// SaveScreening records a clearance.
func (s *Store) SaveScreening(personID int64, c screening.Clearance) error {
	var ids []string
	for _, r := range c.Reasons {
		ids = append(ids, r.Question)
	}
	_, err := s.db.Exec("INSERT INTO screenings (person_id, given_at, level, reasons) VALUES (?, ?, ?, ?)",
		personID, formatTime(c.GivenAt), string(c.Level), strings.Join(ids, ","))
	return err
}
