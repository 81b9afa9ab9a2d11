package tui

import (
	"fmt"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"knead/coach"
	"knead/voice"
)

// updateSession maps keys to engine events. The order is fixed: the quit
// confirmation and help first, then an open prompt, then the phase.
func (m *Model) updateSession(msg tea.Msg) tea.Cmd {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil
	}
	st := m.engine.State()
	// Pain, a warning sign and stop work in every state, also under the
	// quit question and the key list, which they close; the engine refuses
	// them where they make no sense (before the baseline, for instance).
	pain, isPain := painKey(k)
	urgent := isPain || key.Matches(k, m.keys.Warning) || key.Matches(k, m.keys.Stop)
	var reopened tea.Cmd
	if urgent && (m.confirmQuit || m.showHelp) {
		reopened = m.closeOverlay()
	}
	switch {
	case m.confirmQuit:
		if key.Matches(k, m.keys.Yes) {
			m.engine.Handle(coach.E(coach.Quit))
			return tea.Sequence(m.saveLog(), tea.Quit)
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
		return tea.Batch(reopened, m.apply(coach.RateEvent(pain)))
	case key.Matches(k, m.keys.Warning):
		return tea.Batch(reopened, m.apply(coach.E(coach.Warning)))
	case key.Matches(k, m.keys.Stop):
		return tea.Batch(reopened, m.apply(coach.E(coach.RequestStop)))
	}
	switch st.Prompt {
	case coach.StopPrompt:
		switch {
		case key.Matches(k, m.keys.EndSession):
			return m.apply(coach.E(coach.EndSession))
		case key.Matches(k, m.keys.FinishGently):
			return m.apply(coach.E(coach.FinishGently))
		}
		return nil
	case coach.EasePrompt:
		switch {
		case key.Matches(k, m.keys.Confirm), key.Matches(k, m.keys.Pause):
			return m.apply(coach.E(coach.Ack))
		}
		return nil
	case coach.GapPrompt:
		switch {
		case key.Matches(k, m.keys.Confirm), key.Matches(k, m.keys.Pause):
			return m.apply(coach.E(coach.ResumeStep))
		case key.Matches(k, m.keys.Restart):
			return m.apply(coach.E(coach.RestartStep))
		}
		return nil
	}
	switch st.Phase {
	case coach.Preparation:
		if key.Matches(k, m.keys.Confirm) {
			return m.apply(coach.E(coach.Confirm))
		}
	case coach.PainfulSide:
		if side, ok := map[string]coach.Side{"l": coach.Left, "r": coach.Right, "b": coach.SideBoth, "n": coach.SideNone}[k.String()]; ok {
			return m.apply(coach.SideEvent(side))
		}
	case coach.Step, coach.Rest, coach.CheckIn:
		switch {
		case key.Matches(k, m.keys.Pause):
			if st.Paused {
				return m.apply(coach.E(coach.Resume))
			}
			return m.apply(coach.E(coach.Pause))
		case key.Matches(k, m.keys.Next):
			return m.apply(coach.E(coach.Next))
		case key.Matches(k, m.keys.Back):
			return m.apply(coach.E(coach.Back))
		case key.Matches(k, m.keys.Extend):
			return m.apply(coach.E(coach.Extend))
		}
	}
	return nil
}

// holdClock pauses a running step or rest while the quit question or the
// key list is open, like every other prompt; closeOverlay resumes it.
func (m *Model) holdClock() tea.Cmd {
	st := m.engine.State()
	if (st.Phase == coach.Step || st.Phase == coach.Rest) && !st.Paused && st.Prompt == coach.NoPrompt {
		m.heldClock = true
		return m.apply(coach.E(coach.Pause))
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
	if st := m.engine.State(); st.Paused && st.Prompt == coach.NoPrompt {
		return m.apply(coach.E(coach.Resume))
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

// apply feeds one event to the engine and turns what it says into side
// effects: the bell, the words of the latest cue, the next tick, and the
// summary when the session is over. Events the engine refuses change
// nothing.
func (m *Model) apply(e coach.Event) tea.Cmd {
	cues, _ := m.engine.Handle(e)
	cmds := []tea.Cmd{m.saveLog(), m.speak(cues)}
	for _, c := range cues {
		if text := cueWords(c, m.engine.State()); text != "" {
			m.flash = text
		}
		switch c.Kind {
		case coach.CueStepStart, coach.CueSideSwitch, coach.CueTenSeconds, coach.CueStop, coach.CueRestEnd:
			cmds = append(cmds, m.bell())
		}
	}
	if m.engine.State().Phase == coach.Done {
		m.setScreen(screenSummary)
		m.tickGen++
		return tea.Batch(cmds...)
	}
	cmds = append(cmds, m.scheduleTick())
	return tea.Batch(cmds...)
}

// speak hands the cues' words to the voice, in a command; the speaker
// keeps only the newest of what it has not started saying.
func (m *Model) speak(cues []coach.Cue) tea.Cmd {
	if m.opts.Voice == nil {
		return nil
	}
	var texts []string
	for _, c := range cues {
		if w := voice.Words(c, m.partner()); w != "" {
			texts = append(texts, w)
		}
	}
	if len(texts) == 0 {
		return nil
	}
	m.voiceSeq++
	seq, speaker := m.voiceSeq, m.opts.Voice
	return func() tea.Msg {
		for _, t := range texts {
			speaker.Say(seq, t)
		}
		return nil
	}
}

// bell rings the terminal bell, unless --no-bell.
func (m *Model) bell() tea.Cmd {
	if !m.opts.Bell {
		return nil
	}
	return tea.Raw("\a")
}

// cueWords is what a cue says on screen.
func cueWords(c coach.Cue, st coach.State) string {
	switch c.Kind {
	case coach.CueStepStart:
		return "Now: " + c.Title
	case coach.CueSideSwitch:
		return fmt.Sprintf("Switch sides: now the %s side", c.Side)
	case coach.CueTenSeconds:
		return "Ten seconds left"
	case coach.CueStepEnd:
		return "Step done: " + c.Title
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
		return tea.Quit
	case key.Matches(k, m.keys.History):
		return m.openHistory()
	}
	return nil
}
