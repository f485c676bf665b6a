#!/usr/bin/env python3
"""Writes a synthetic English news file for throughput benchmarks.

Usage: benches/gen_news.py OUT.txt [MEGABYTES] [SEED]

Articles are a headline and paragraphs of 2–5 sentences. About two sentences in five state a
figure, in the forms news uses (counts with hedges, number words, money with scales,
percentages, measures with units, ranges, vague amounts, ages, dates, times, years, ordinals,
identifiers); the rest is prose with names, places and attribution. Deterministic for a seed,
so every run of a benchmark reads the same text.
"""
import random
import sys

PEOPLE = ["Maria Lopez", "John Carter", "Aisha Bello", "Chen Wei", "Olga Petrova", "Tom Baker",
          "Irina Volk", "Ahmed Hassan", "Sarah Klein", "Kenji Sato", "Paulo Rossi", "Emma Dubois"]
ROLES = ["a police spokesman", "the mayor", "a hospital director", "the interior minister",
         "a union leader", "the company's chief executive", "an emergency official",
         "a witness", "the regional governor", "a UN spokeswoman"]
PLACES = ["Athens", "Jakarta", "Lagos", "Manila", "Houston", "Marseille", "Kharkiv", "Lima",
          "Osaka", "Nairobi", "Dhaka", "Porto Alegre", "Aceh province", "the capital"]
ORGS = ["the Red Cross", "the central bank", "the health ministry", "Reuters", "the union",
        "the United Nations", "the fire service", "the coast guard", "state media", "police"]
SOURCES = ["police said", "officials said", "according to the health ministry",
           "the union said", "state media reported", "a spokesman said", "Reuters reported"]
EVENTS = ["the earthquake", "the fire", "the strike", "the floods", "the explosion",
          "the storm", "the protest", "the collapse", "the attack", "the crash"]
NOUNS = ["people", "workers", "protesters", "passengers", "residents", "children", "soldiers",
         "homes", "buildings", "vehicles", "flights", "patients", "students", "families"]
VERBS = ["were killed", "were injured", "were evacuated", "were arrested", "were rescued",
         "remain missing", "were displaced", "took part", "were detained", "died"]
HEDGES = ["", "", "", "at least ", "more than ", "about ", "nearly ", "up to ", "some ",
          "around ", "no fewer than ", "over ", "almost ", "fewer than "]
WORDS = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
         "twelve", "fifteen", "twenty", "thirty", "forty", "fifty", "a dozen", "two dozen",
         "twenty-five", "one hundred and twenty", "half a million", "a third", "two thirds"]
VAGUE = ["dozens of", "hundreds of", "thousands of", "tens of thousands of", "several",
         "a handful of", "scores of", "numerous"]
CURRENCIES = [("$", ""), ("€", ""), ("£", ""), ("", " dollars"), ("", " euros"),
              ("US$", ""), ("", " yen"), ("", " rupees")]
SCALES = ["", "", "m", "bn", " million", " billion", "k"]
UNITS = ["km", "miles", "kilometres", "metres", "feet", "inches of rain", "tonnes", "kg",
         "litres", "gallons", "hours", "days", "weeks", "km/h", "mph", "degrees Celsius",
         "square kilometres", "acres", "barrels a day", "megawatts"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
ORDINALS = ["first", "second", "third", "fourth", "fifth", "10th", "21st", "3rd"]
PROSE = [
    "{person}, {role}, told reporters the situation in {place} was under control.",
    "Residents of {place} described scenes of chaos as {event} unfolded.",
    "{org} urged people to stay away from the area while crews worked through the night.",
    "\"We are doing everything we can,\" {person} said, adding that more help was on its way.",
    "The cause of {event} was not immediately clear, {source}.",
    "Images shared on social media showed smoke rising over {place}.",
    "Opposition leaders criticised the response and called for an independent inquiry.",
    "{org} said it would publish a full report once the investigation was complete.",
    "Talks between the government and {org} are expected to resume next week.",
    "Analysts warned that the disruption could weigh on the regional economy.",
    "Schools and offices in {place} remained closed on {day}.",
    "{person} said the authorities had been warned about the risk for years.",
    "It was the worst disaster to hit {place} in a generation, {source}.",
    "Rescue teams with sniffer dogs searched the rubble for survivors.",
    "The prime minister is due to visit {place} later this week.",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def number(r):
    k = r.random()
    if k < 0.25:
        return r.choice(WORDS)
    if k < 0.7:
        return str(r.randint(2, 999))
    if k < 0.9:
        return f"{r.randint(1, 99)},{r.randint(0, 999):03d}"
    return f"{r.randint(1, 9)}.{r.randint(1, 9)} million"


def money(r):
    pre, post = r.choice(CURRENCIES)
    v = r.choice([str(r.randint(2, 950)), f"{r.randint(1, 99)}.{r.randint(1, 9)}",
                  f"{r.randint(1, 9)},{r.randint(0, 999):03d}"])
    scale = r.choice(SCALES) if pre else r.choice(["", " million", " billion"])
    return f"{pre}{v}{scale}{post}"


def figure(r):
    k = r.randrange(14)
    n = lambda: number(r)
    if k == 0:
        s = f"{r.choice(HEDGES)}{n()} {r.choice(NOUNS)} {r.choice(VERBS)} in {r.choice(EVENTS)}, {r.choice(SOURCES)}."
        return s[0].upper() + s[1:]
    if k == 1:
        return f"{r.choice(EVENTS).capitalize()} killed {r.choice(HEDGES)}{n()} people and injured {r.choice(VAGUE)} others in {r.choice(PLACES)}."
    if k == 2:
        return f"The deal, valued at {r.choice(HEDGES)}{money(r)}, is expected to close by the end of {r.randint(2021, 2027)}."
    if k == 3:
        return f"Unemployment rose {r.randint(1, 9) / 10} percentage points to {r.randint(3, 14)}.{r.randint(0, 9)}% in {r.choice(MONTHS)}, the statistics office said."
    if k == 4:
        return f"The storm brought winds of up to {r.randint(60, 250)} {r.choice(['km/h', 'mph'])} and dumped {r.randint(2, 40)} {r.choice(['inches of rain', 'cm of snow'])} on {r.choice(PLACES)}."
    if k == 5:
        return f"Between {r.randint(10, 40)} and {r.randint(41, 90)} {r.choice(NOUNS)} were trapped when the {r.randint(3, 30)}-storey building collapsed."
    if k == 6:
        return f"{r.choice(PEOPLE)}, {r.randint(19, 88)}, was taken to hospital with {r.choice(['minor', 'serious'])} injuries."
    if k == 7:
        return f"The {r.choice(ORDINALS)} {r.choice(['round of talks', 'wave of strikes', 'aftershock'])} began at {r.randint(1, 12)} {r.choice(['a.m.', 'p.m.'])} on {r.choice(MONTHS)} {r.randint(1, 28)}."
    if k == 8:
        return f"A magnitude {r.randint(4, 8)}.{r.randint(0, 9)} earthquake struck {r.randint(5, 120)} km south-west of {r.choice(PLACES)} at a depth of {r.randint(5, 60)} kilometres."
    if k == 9:
        return f"{r.choice(VAGUE).capitalize()} {r.choice(NOUNS)} gathered in {r.choice(PLACES)} on {r.choice(DAYS)}, {r.choice(SOURCES)}."
    if k == 10:
        return f"Prices have risen {r.choice(['twice', 'three times', 'nearly four times'])} as fast as wages since {r.randint(1990, 2020)}, the report found."
    if k == 11:
        return f"The {r.randint(20, 80)}-year-old suspect faces up to {r.randint(2, 25)} years in prison under Article {r.randint(10, 400)} of the penal code."
    if k == 12:
        return f"Output fell to {r.randint(100, 999)},{r.randint(0, 999):03d} barrels a day, down from {r.randint(1, 2)}.{r.randint(0, 9)} million a year earlier."
    return f"{r.choice(ORGS).capitalize()} put the cost of the damage at {money(r)}, roughly {r.randint(2, 60)}% of the annual budget."


def prose(r):
    t = r.choice(PROSE)
    return t.format(person=r.choice(PEOPLE), role=r.choice(ROLES), place=r.choice(PLACES),
                    org=r.choice(ORGS), event=r.choice(EVENTS), source=r.choice(SOURCES),
                    day=r.choice(DAYS))


def article(r):
    head = f"{r.choice(EVENTS).capitalize()[4:].strip().capitalize()} in {r.choice(PLACES)}: {r.choice(['toll rises', 'thousands flee', 'talks stall', 'markets slide'])}"
    paras = []
    for _ in range(r.randint(5, 12)):
        sents = [figure(r) if r.random() < 0.4 else prose(r) for _ in range(r.randint(2, 5))]
        paras.append(" ".join(sents))
    return head + "\n\n" + "\n\n".join(paras)


def main():
    out = sys.argv[1]
    mb = float(sys.argv[2]) if len(sys.argv) > 2 else 50
    r = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 7)
    size = 0
    with open(out, "w", encoding="utf-8") as f:
        while size < mb * 1_000_000:
            a = article(r) + "\n\n\n"
            f.write(a)
            size += len(a.encode())


if __name__ == "__main__":
    main()
