/* flight.h - a scenario's pre-arrival data made from what it writes
 * (scn_flight.h): the flight's passenger list around the traveler, as the
 * carrier's API reports it (paxlst.h), and the traveler's booking (pnr.h).
 *
 *     api_flight *f = malloc(sizeof *f);     // large: API_MAX_PAX lines
 *     pnr_record pnr;
 *     if (flight_make(s, f, &err) == 0 && pnr_make(s, f, &pnr, &err) == 0) ...
 *
 * Everything is drawn from flight.seed: the same scenario gives the same
 * list, names, seats and booking references on every machine. */
#ifndef BL_FLIGHT_H
#define BL_FLIGHT_H

#include "err.h"
#include "paxlst.h"
#include "pnr.h"
#include "scenario.h"

/* Builds the flight of scenario s: the traveler's API line from their first
 * travel document (a passport or identity card: name, sex, birth,
 * nationality, number, expiry, issuer, as the desk shows it) unless
 * flight.api overrides (a swapped document: another number), the companion's
 * from theirs and the PNR's co-travellers on the same booking, plus the other
 * passengers drawn from the flight's seed (fictional names of the fictional
 * states, plausible ages, documents, seats, booking references; some share
 * bookings as families) up to `passengers` others. The flight left on today,
 * or the day before when it departs later in the day than it arrives.
 * -1 with err when the scenario has no flight, or the traveler has no travel
 * document and flight.api does not say all of the line. */
int flight_make(const scenario *s, api_flight *out, bl_err *err);

/* The traveler's booking: the scenario's pnr with the flight's itinerary, the
 * traveler's booked name (the document's, whatever the API line says), the
 * travellers sharing the booking, the API data collected (18). -1 with err
 * when the scenario has no pnr. */
int pnr_make(const scenario *s, const api_flight *f, pnr_record *out, bl_err *err);

#endif
