package tui

import (
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"knead/guide"
	"knead/routines"
	"knead/screening"
)

// Welcome: who is massaged.

func (m *Model) updateWelcome(msg tea.Msg) tea.Cmd {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil
	}
	if m.typingName {
		switch k.String() {
		case "enter":
			if _, err := m.flow.Do(guide.Action{Kind: guide.ChooseWho, Mode: screening.Partner, Name: m.partnerName}); err != nil {
				m.notice = err.Error()
				return nil
			}
			m.typingName, m.notice = false, ""
			return m.after(guide.Reply{}, nil)
		case "esc":
			m.typingName, m.partnerName = false, ""
		case "tab":
			// Fills in the partners of the history in turn.
			if known := m.knownPartners; len(known) > 0 {
				next := known[0]
				if i := slices.Index(known, m.partnerName); i >= 0 {
					next = known[(i+1)%len(known)]
				}
				m.partnerName = next
			}
		case "backspace":
			if r := []rune(m.partnerName); len(r) > 0 {
				m.partnerName = string(r[:len(r)-1])
			}
		default:
			if t := k.Text; t != "" && len([]rune(m.partnerName)) < 40 {
				m.partnerName += routines.Clean(t)
			}
		}
		return nil
	}
	switch {
	case key.Matches(k, m.keys.Quit):
		return m.do(guide.Act(guide.Quit))
	case key.Matches(k, m.keys.History):
		return m.openHistory()
	case key.Matches(k, m.keys.Up), key.Matches(k, m.keys.Down):
		m.welcomeCursor = 1 - m.welcomeCursor
	case k.String() == "1":
		m.welcomeCursor = 0
		return m.chooseWho()
	case k.String() == "2":
		m.welcomeCursor = 1
		return m.chooseWho()
	case key.Matches(k, m.keys.Confirm):
		return m.chooseWho()
	}
	return nil
}

func (m *Model) chooseWho() tea.Cmd {
	if m.welcomeCursor == 1 {
		m.typingName = true
		// The partners of the history, read once for the prompt.
		m.knownPartners = nil
		for _, k := range m.flow.Partners() {
			m.knownPartners = append(m.knownPartners, routines.Clean(k))
		}
		return nil
	}
	return m.do(guide.Action{Kind: guide.ChooseWho, Mode: screening.Self})
}

func (m *Model) viewWelcome() string {
	tw := m.textWidth()
	var choice strings.Builder
	choice.WriteString("Who is being massaged?\n\n")
	for i, label := range []string{"1  Me (self-massage)", "2  My partner"} {
		if i == m.welcomeCursor {
			choice.WriteString(m.st.selected.Render("> "+label) + "\n")
		} else {
			choice.WriteString("  " + label + "\n")
		}
	}
	if m.typingName {
		choice.WriteString("\nYour partner's name (optional): " + m.partnerName + "█\n")
		if len(m.knownPartners) > 0 {
			choice.WriteString(m.st.subtle.Render(wrap("Known: "+strings.Join(m.knownPartners, ", ")+" (tab fills the name in)", tw)) + "\n")
		}
		if m.notice != "" {
			choice.WriteString(m.st.warn.Render(wrap(m.notice, tw)) + "\n")
		}
		keys := "enter continue · esc back"
		if m.partnerName == "" {
			keys += " · ? keys" // once a letter is typed, ? is a letter too
		}
		choice.WriteString(m.st.help.Render(keys) + "\n")
	} else {
		choice.WriteString("\n" + m.st.help.Render(wrap("↑/↓ or 1/2 choose · enter continue · h history · q quit · ? keys", tw)) + "\n")
	}
	var people strings.Builder
	for _, p := range m.flow.People() {
		people.WriteString(wrap(m.st.accent.Render(p.Who)+": "+p.Text, tw) + "\n")
	}
	warnings := strings.Join(m.warnings(tw), "\n")
	title := m.st.title.Render("knead · guided back massage")
	disclaimer := wrap(Disclaimer, tw)
	// The fullest page that fits: the people's lines go first, then the
	// warnings; the title, the disclaimer and the choice stay.
	_, h := m.size()
	for _, parts := range [][]string{
		{title, warnings, disclaimer, people.String(), choice.String()},
		{title, warnings, disclaimer, choice.String()},
		{title, disclaimer, choice.String()},
		{disclaimer, choice.String()},
	} {
		page := joinParts(parts)
		if strings.Count(strings.TrimRight(page, "\n"), "\n")+1 <= h {
			return page
		}
	}
	return choice.String()
}

// joinParts joins the parts that are not empty with a blank line between.
func joinParts(parts []string) string {
	var out []string
	for _, p := range parts {
		if p = strings.TrimRight(p, "\n"); p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, "\n\n") + "\n"
}
