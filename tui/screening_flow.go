package tui

import (
	"strings"

	tea "charm.land/bubbletea/v2"

	"knead/guide"
)

// Screening: the flow's questionnaire, drawn as a form.

func (m *Model) updateScreening(msg tea.Msg) tea.Cmd {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok || m.form == nil {
		return nil
	}
	switch m.form.update(k) {
	case formQuit:
		return m.do(guide.Act(guide.Quit))
	case formLeave:
		if m.flow.Valid(guide.LeaveScreening) {
			m.form = nil
			return m.do(guide.Act(guide.LeaveScreening))
		}
	case formDone:
		r, err := m.flow.Do(guide.Act(guide.ScreeningDone))
		if err != nil {
			return m.failure(err)
		}
		m.form = nil
		return m.after(r, nil)
	}
	return nil
}

func (m *Model) viewScreening() string {
	if m.form == nil {
		return ""
	}
	w, h := m.size()
	return m.form.view(m.st, w, h)
}

// Settled: after a session that paused the course, the pain must have
// settled before a new screening.

func (m *Model) updateSettled(msg tea.Msg) tea.Cmd {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil
	}
	switch k.String() {
	case "y":
		return m.do(guide.Action{Kind: guide.Answer, Yes: true})
	case "n":
		return m.do(guide.Action{Kind: guide.Answer, Yes: false})
	case "q":
		return m.do(guide.Act(guide.Quit))
	case "?":
		m.showHelp = !m.showHelp
	}
	return nil
}

func (m *Model) viewSettled() string {
	tw := m.textWidth()
	var b strings.Builder
	b.WriteString(m.st.title.Render("Before the screening") + "\n\n")
	b.WriteString(m.st.warn.Render(wrap(m.flow.Question(), tw)) + "\n\n")
	b.WriteString("y yes, it has settled · n no, not yet\n\n")
	if m.showHelp {
		b.WriteString(wrap("y: the pain has settled; the screening comes next. n: no massage today. q: leave.", tw) + "\n\n")
	}
	b.WriteString(m.st.help.Render("y yes · n no · q quit · ? keys"))
	return b.String()
}
