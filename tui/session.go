package tui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"knead/coach"
	"knead/guide"
)

// updateSession maps keys to the flow's actions. The order is fixed: the
// quit question and the key list first, then the keys that work in every
// state, then an open prompt, then the phase.
func (m *Model) updateSession(msg tea.Msg) tea.Cmd {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil
	}
	st := m.flow.State()
	// Pain, a warning sign and stop work in every state, also under the
	// quit question and the key list, which they close; the flow refuses
	// them where they make no sense (before the pain before, for instance).
	pain, isPain := painKey(k)
	urgent := isPain || key.Matches(k, m.keys.Warning) || key.Matches(k, m.keys.Stop)
	var reopened tea.Cmd
	if urgent && (m.confirmQuit || m.showHelp) {
		reopened = m.closeOverlay()
	}
	switch {
	case m.confirmQuit:
		if key.Matches(k, m.keys.Yes) {
			m.confirmQuit = false
			m.do(guide.Act(guide.Quit))
			return tea.Quit
		}
		if key.Matches(k, m.keys.No) {
			return m.closeOverlay()
		}
		return nil
	case m.showHelp:
		return m.closeOverlay()
	case key.Matches(k, m.keys.Quit):
		m.confirmQuit = true
		return m.holdClock()
	case key.Matches(k, m.keys.Help):
		m.showHelp = true
		return m.holdClock()
	}
	switch {
	case isPain:
		return tea.Batch(reopened, m.do(guide.PainAction(pain)))
	case key.Matches(k, m.keys.Warning):
		return tea.Batch(reopened, m.do(guide.Act(guide.Warning)))
	case key.Matches(k, m.keys.Stop):
		return tea.Batch(reopened, m.do(guide.Act(guide.Stop)))
	}
	switch st.Prompt {
	case coach.StopPrompt:
		switch {
		case key.Matches(k, m.keys.EndSession):
			return m.do(guide.Act(guide.EndSession))
		case key.Matches(k, m.keys.FinishGently):
			return m.do(guide.Act(guide.FinishGently))
		}
		return nil
	case coach.EasePrompt, coach.GapPrompt:
		switch {
		case key.Matches(k, m.keys.Confirm), key.Matches(k, m.keys.Pause):
			return m.do(guide.Act(guide.Continue))
		case st.Prompt == coach.GapPrompt && key.Matches(k, m.keys.Restart):
			return m.do(guide.Act(guide.Restart))
		}
		return nil
	}
	switch st.Phase {
	case coach.Preparation:
		if key.Matches(k, m.keys.Confirm) {
			return m.do(guide.Act(guide.Continue))
		}
	case coach.PainfulSide:
		if side, ok := map[string]coach.Side{"l": coach.Left, "r": coach.Right, "b": coach.SideBoth, "n": coach.SideNone}[k.String()]; ok {
			return m.do(guide.Action{Kind: guide.ChooseSide, Side: side})
		}
	case coach.Baseline:
		switch {
		case key.Matches(k, m.keys.Confirm):
			return m.do(guide.Act(guide.Continue))
		case key.Matches(k, m.keys.Undo):
			return m.do(guide.Act(guide.Undo))
		}
	case coach.Step, coach.Rest, coach.CheckIn:
		switch {
		case key.Matches(k, m.keys.Pause):
			return m.do(guide.Act(guide.PauseResume))
		case key.Matches(k, m.keys.Next):
			return m.do(guide.Act(guide.Next))
		case key.Matches(k, m.keys.Back):
			return m.do(guide.Act(guide.Back))
		case key.Matches(k, m.keys.Extend):
			return m.do(guide.Act(guide.Extend))
		}
	}
	return nil
}

// holdClock pauses a running step or rest while the quit question or the
// key list is open, like every other prompt; closeOverlay resumes it.
func (m *Model) holdClock() tea.Cmd {
	st := m.flow.State()
	if (st.Phase == coach.Step || st.Phase == coach.Rest) && !st.Paused && st.Prompt == coach.NoPrompt {
		m.heldClock = true
		return m.do(guide.Act(guide.Pause))
	}
	return nil
}

// closeOverlay closes the quit question or the key list and lets the clock
// run again if it held it.
func (m *Model) closeOverlay() tea.Cmd {
	m.confirmQuit, m.showHelp = false, false
	if !m.heldClock {
		return nil
	}
	m.heldClock = false
	if st := m.flow.State(); st.Paused && st.Prompt == coach.NoPrompt {
		return m.do(guide.Act(guide.Resume))
	}
	return nil
}

// painKey reads a pain rating: 0–9, t for 10.
func painKey(k tea.KeyPressMsg) (int, bool) {
	s := k.String()
	if s == "t" {
		return 10, true
	}
	if len(s) == 1 && s[0] >= '0' && s[0] <= '9' {
		return int(s[0] - '0'), true
	}
	return 0, false
}

// cueWords is what a cue says on screen, in the words of who is massaged:
// oneself turns over, a partner is switched to.
func cueWords(c coach.Cue, partner bool) string {
	switch c.Kind {
	case coach.CueStepStart:
		return "Now: " + c.Title
	case coach.CueSideSwitch:
		return guide.SideWords(c.Side, partner)
	case coach.CueTenSeconds:
		return "Ten seconds left"
	case coach.CueStepEnd:
		return "Step done: " + c.Title
	case coach.CueStepSkipped:
		return "Step skipped: " + c.Title
	case coach.CueRestStart:
		return "Massage done. Rest now."
	case coach.CueGap:
		return "The clock jumped: the step was paused"
	}
	return ""
}

func (m *Model) updateSummary(msg tea.Msg) tea.Cmd {
	k, ok := msg.(tea.KeyPressMsg)
	switch {
	case !ok:
		return nil
	case key.Matches(k, m.keys.Quit), key.Matches(k, m.keys.Confirm):
		return m.do(guide.Act(guide.Quit))
	case key.Matches(k, m.keys.History):
		return m.openHistory()
	}
	return nil
}
