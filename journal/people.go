package journal

import (
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode"

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
	default:
		if err := CheckPartnerName(name); err != nil {
			return Person{}, err
		}
		if name == "" {
			name = UnnamedPartner
		}
	}
	var p Person
	err := s.db.QueryRow("SELECT id, name, is_self FROM people WHERE name = ?", name).Scan(&p.ID, &p.Name, &p.Self)
	if err == nil {
		if p.Self != self {
			// Never hand one person's health answers to another.
			return Person{}, fmt.Errorf("%q is already kept for someone else; use another name", name)
		}
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

// CheckPartnerName refuses the names knead keeps for the user and for a
// partner without a name, so that nobody gets someone else's answers.
func CheckPartnerName(name string) error {
	name = strings.TrimSpace(name)
	switch {
	case strings.EqualFold(name, Me):
		return fmt.Errorf("%q is the name knead keeps for you (self-massage); give your partner another name", name)
	case strings.EqualFold(name, UnnamedPartner):
		return fmt.Errorf("%q is the name knead keeps for a partner without a name; give a real name, or none", name)
	}
	return nil
}

// MaxNewNameLength bounds a new partner's name: it is shown in prompts
// and columns.
const MaxNewNameLength = 64

// CheckNewPartnerName is CheckPartnerName for a name being typed or given
// on the command line: it must also hold a letter, as "?" or "1" would be
// read as a person ("Does ? have a fever?"). Names already in the journal
// are found whatever they are.
func CheckNewPartnerName(name string) error {
	if err := CheckPartnerName(name); err != nil {
		return err
	}
	name = strings.TrimSpace(name)
	if strings.EqualFold(name, "self") {
		// Reports and exports call the user "self".
		return fmt.Errorf("%q is the word knead uses for you (self-massage); give your partner another name", name)
	}
	if name != "" && !strings.ContainsFunc(name, unicode.IsLetter) {
		return fmt.Errorf("%q has no letter in it; give your partner's name, or none", name)
	}
	if n := len([]rune(name)); n > MaxNewNameLength {
		return fmt.Errorf("the name is %d characters long; give one of at most %d", n, MaxNewNameLength)
	}
	return nil
}

// UnnamedPartner is the person a partner without a name is recorded as.
// Different people may hide behind it, so nothing about their health is
// remembered from one session to the next.
const UnnamedPartner = "partner"

// Remembers reports whether the person's standing answers are kept: for
// the user and for named partners, never for an unnamed one.
func (p Person) Remembers() bool { return p.Self || p.Name != UnnamedPartner }

// StandingValidity is how long standing answers are taken as confirmed
// before they are asked afresh.
const StandingValidity = 30 * 24 * time.Hour

// StandingAnswers returns the person's remembered answers to standing
// questions, and the date of the oldest: the last time they were all
// answered. Once that is older than StandingValidity at now, none is
// returned: every standing question must be asked afresh. An unnamed
// partner has none.
func (s *Store) StandingAnswers(p Person, q *screening.Questionnaire, now time.Time) (screening.Answers, time.Time, error) {
	if !p.Remembers() {
		return screening.Answers{}, time.Time{}, nil
	}
	rows, err := s.db.Query("SELECT question, answer, confirmed_at FROM standing_answers WHERE person_id = ?", p.ID)
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

// SaveStandingAnswers remembers the standing answers among fresh, the
// answers given (not kept) in a screening, as answered at. Remembered
// answers that were kept keep their date, so that confirming "nothing has
// changed" never postpones the next full answering; answers to follow-ups
// of a question answered afresh are dropped with it. Today questions and
// numbers are never stored, and nothing is stored for an unnamed partner.
func (s *Store) SaveStandingAnswers(p Person, q *screening.Questionnaire, fresh screening.Answers, at time.Time) error {
	if !p.Remembers() {
		return nil
	}
	tx, err := s.db.Begin()
	if err != nil {
		return err
	}
	defer tx.Rollback()
	var keep []*screening.Question
	for id := range fresh {
		if x, ok := q.Question(id); ok && x.Remembered() {
			keep = append(keep, x)
		}
	}
	for _, x := range keep {
		for _, f := range x.FollowUps {
			if _, err := tx.Exec("DELETE FROM standing_answers WHERE person_id = ? AND question = ?", p.ID, f.ID); err != nil {
				return err
			}
		}
	}
	for _, x := range keep {
		if _, err := tx.Exec(`INSERT INTO standing_answers (person_id, question, answer, confirmed_at) VALUES (?, ?, ?, ?)
			ON CONFLICT(person_id, question) DO UPDATE SET answer = excluded.answer, confirmed_at = excluded.confirmed_at`,
			p.ID, x.ID, fresh[x.ID].String(), formatTime(at)); err != nil {
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

// Recall returns what is remembered about the person massaged in mode (the
// partner called name): their standing answers and the date of the last
// full answering. Nothing is returned when the store cannot say.
func (s *Store) Recall(name string, mode screening.Mode, q *screening.Questionnaire, now time.Time) (screening.Answers, time.Time) {
	p, err := s.Person(name, mode)
	if err != nil {
		return nil, time.Time{}
	}
	a, at, err := s.StandingAnswers(p, q, now)
	if err != nil {
		return nil, time.Time{}
	}
	return a, at
}

// RecordScreening saves a screening of the person massaged in mode (the
// partner called name): the clearance, and the standing answers among
// fresh (those given, not kept). It returns the person.
func (s *Store) RecordScreening(name string, mode screening.Mode, q *screening.Questionnaire, c screening.Clearance, fresh screening.Answers) (Person, error) {
	p, err := s.Person(name, mode)
	if err != nil {
		return p, err
	}
	if err := s.SaveScreening(p.ID, c); err != nil {
		return p, err
	}
	return p, s.SaveStandingAnswers(p, q, fresh, c.GivenAt)
}
