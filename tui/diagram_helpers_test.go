package tui

import "knead/routines"

func routinesZone(s string) routines.Zone { return routines.Zone(s) }
