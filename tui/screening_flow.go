package tui

import (
	"fmt"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"knead/journal"
	"knead/screening"
)

// Screening: the questionnaire as a form.

// startScreening looks up the person's remembered answers (in a command:
// that is disk work), then shows the form.
func (m *Model) startScreening() tea.Cmd {
	m.setScreen(screenScreening)
	if m.opts.Journal == nil {
		return m.showForm(nil, time.Time{})
	}
	store, q, mode, name, now := m.opts.Journal, m.opts.Questions, m.mode, m.partnerName, m.opts.Clock.Now()
	return func() tea.Msg {
		p, err := store.Person(name, mode)
		if err != nil {
			return rememberedMsg{}
		}
		a, at, _ := store.StandingAnswers(p.ID, q, now)
		return rememberedMsg{answers: a, at: at}
	}
}

// rememberedMsg brings a person's remembered standing answers.
type rememberedMsg struct {
	answers screening.Answers
	at      time.Time
}

func (m *Model) showForm(kept screening.Answers, at time.Time) tea.Cmd {
	m.formMode = string(m.mode)
	m.formValues = map[string]*string{}
	m.form = ScreeningForm(m.opts.Questions, &m.formMode, m.formValues, kept, at).WithShowHelp(true)
	if w, _ := m.size(); w > 0 {
		m.form = m.form.WithWidth(min(w, 100))
	}
	m.setScreen(screenScreening)
	return m.form.Init()
}

func (m *Model) updateScreening(msg tea.Msg) tea.Cmd {
	if r, ok := msg.(rememberedMsg); ok {
		return m.showForm(r.answers, r.at)
	}
	if m.form == nil {
		return nil // still looking up the remembered answers
	}
	model, cmd := m.form.Update(msg)
	if f, ok := model.(*huh.Form); ok {
		m.form = f
	}
	switch m.form.State {
	case huh.StateAborted:
		return tea.Quit
	case huh.StateCompleted:
		m.mode = screening.Mode(m.formMode)
		m.answers = FormAnswers(m.opts.Questions, m.formValues)
		c, err := m.opts.Questions.Evaluate(m.mode, m.answers, m.opts.Clock.Now())
		if err != nil {
			// Every question is required by the form, so this is a bug;
			// still, never let a broken screening through.
			m.Err = err
			return tea.Quit
		}
		m.form = nil
		return m.afterScreening(c)
	}
	return cmd
}

func (m *Model) viewScreening() string {
	if m.form == nil {
		return ""
	}
	return m.form.View()
}

// afterScreening records the screening and looks up the course (in a
// command: that is disk work), then goes on.
func (m *Model) afterScreening(c screening.Clearance) tea.Cmd {
	m.clearance = c
	if m.opts.Journal == nil {
		return m.proceed(c)
	}
	store, mode, name, q, answers := m.opts.Journal, m.mode, m.partnerName, m.opts.Questions, m.answers
	return func() tea.Msg {
		p, err := store.Person(name, mode)
		if err != nil {
			return courseMsg{err: err}
		}
		if err := store.SaveScreening(p.ID, c); err != nil {
			return courseMsg{person: p, err: err}
		}
		if err := store.SaveStandingAnswers(p.ID, q, answers, c.GivenAt); err != nil {
			return courseMsg{person: p, err: err}
		}
		course, err := store.CourseFor(p.Name, c.GivenAt)
		return courseMsg{person: p, course: course, err: err}
	}
}

// courseMsg brings the person and their course from the journal.
type courseMsg struct {
	person journal.Person
	course journal.Course
	err    error
}

func (m *Model) courseLoaded(msg courseMsg) tea.Cmd {
	if msg.err != nil {
		m.saveWarning = "not saved: " + msg.err.Error()
		m.opts.Journal = nil
	}
	m.person, m.course = msg.person, msg.course
	if msg.err == nil {
		m.opts.SessionNumber = msg.course.Number
	}
	return m.proceed(m.clearance)
}

// proceed shows the result, or goes on to the routine.
func (m *Model) proceed(c screening.Clearance) tea.Cmd {
	if c.Level == screening.Stop || c.Level == screening.Urgent {
		m.setScreen(screenResult)
		return m.bell()
	}
	if m.opts.RoutineID != "" {
		if r, ok := m.opts.Library.Get(m.opts.RoutineID); ok {
			if allowed, why := c.Allows(r); allowed {
				return m.startSession(r)
			} else {
				m.notice = fmt.Sprintf("%s is not available today: %s. Choose another routine.", r.ID, why)
			}
		}
	}
	m.setScreen(screenPicker)
	m.pickerCursor = m.firstAllowed()
	return nil
}
