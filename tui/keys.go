package tui

import "charm.land/bubbles/v2/key"

// keyMap holds every key of the app; it also feeds the help view.
type keyMap struct {
	Pause, Next, Back, Extend, Pain, Ten, Warning, Stop, Quit, Help key.Binding
	Confirm, Up, Down, ForceQuit                                    key.Binding
	EndSession, FinishGently, Restart                               key.Binding
	Yes, No                                                         key.Binding
	History, Undo                                                   key.Binding
}

func defaultKeyMap() keyMap {
	return keyMap{
		// v2 names the space bar "space"; " " would never match.
		Pause:        key.NewBinding(key.WithKeys("space"), key.WithHelp("space", "pause/resume")),
		Next:         key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "next")),
		Back:         key.NewBinding(key.WithKeys("b"), key.WithHelp("b", "back (again: the step before)")),
		Extend:       key.NewBinding(key.WithKeys("+", "="), key.WithHelp("+", "30 s more")),
		Pain:         key.NewBinding(key.WithKeys("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), key.WithHelp("0-9", "pain")),
		Ten:          key.NewBinding(key.WithKeys("t"), key.WithHelp("t", "pain 10")),
		Warning:      key.NewBinding(key.WithKeys("w"), key.WithHelp("w", "warning sign")),
		Stop:         key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "stop")),
		Quit:         key.NewBinding(key.WithKeys("q"), key.WithHelp("q", "quit")),
		Help:         key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "help")),
		Confirm:      key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "continue")),
		Up:           key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑", "up")),
		Down:         key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓", "down")),
		ForceQuit:    key.NewBinding(key.WithKeys("ctrl+c")),
		EndSession:   key.NewBinding(key.WithKeys("e", "enter"), key.WithHelp("e", "end the session")),
		FinishGently: key.NewBinding(key.WithKeys("g"), key.WithHelp("g", "finish gently")),
		Restart:      key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "restart the step")),
		Yes:          key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "yes")),
		No:           key.NewBinding(key.WithKeys("n", "esc"), key.WithHelp("n", "no")),
		History:      key.NewBinding(key.WithKeys("h"), key.WithHelp("h", "history")),
		Undo:         key.NewBinding(key.WithKeys("u"), key.WithHelp("u", "change the pain before")),
	}
}
