#!/usr/bin/env python3
"""pandas_report.py: what an analyst would write in pandas instead of `prem report`.

This is a benchmark baseline for speed and memory, not a replacement. It reads PREM Geboortezorg
exports (long layout: one row per respondent x care type), scores them with the codebook and
writes the core tables:

* cells vsv x care type x period x theme, VSV level (unweighted mean of its care-type means over
  the care types with n >= 10, n = distinct respondents), region level (all VSVs) the same way,
  and item cells (VSV and region x period x item): n, mean, sd, 95 % t CI, top-box % and
  problem % with Wilson 95 % CIs, NPS for the recommend item;
* privacy: n < 10 blanked ("suppressed"), 10 <= n < 30 "indicatief";
* trends vs the previous quarter and the same quarter a year earlier (Welch t-test from stats);
* regional comparison in the latest period: z vs the pooled mean, Winsorised (10 %) phi and
  DerSimonian-Laird tau^2 (as FunnelPlotR), bands at |z| 1.96 / 3.09;
* SPC (XmR) per VSV x theme: limits mean +- 2.66 x mean moving range, rules "outside the limits"
  and "7 in a row on one side of the mean", only on series of >= 12 periods (as prem);
* flags per VSV x theme in the latest period; with --charts matplotlib PNGs.

Deliberately left out compared to prem: Word/HTML improvement agendas and all rendering of text,
open-answer quotes and their scrubbing, case-mix standardisation, organisation-level cells,
complementary suppression and the disclosure audit, the local survey source, reliability
(alpha), Making-Data-Count rules beyond the two above (no moving-range screening, no trend /
two-in-three rules), and diagnostics of invalid answers. Simplifications: the VSV/region
top-box and problem CIs are Wilson at the distinct n (prem: effective n), and trend tests use
each cell's pooled sd and n (prem: the Welch-Satterthwaite se/df of the mean of means).

Run:
  prem codebook show prem-geboortezorg > codebook.toml
  python3 scripts/pandas_report.py DATA/exports/prem-*.csv --codebook codebook.toml --out OUT [--charts]
"""
import argparse
import sys
import time
import tomllib
from contextlib import contextmanager
from pathlib import Path

import numpy as np
import pandas as pd
from scipy import stats

COLS = {"resp": "Respondentnummer", "vsv": "VSV", "ct": "Zorgsoort", "date": "Datum ingevuld"}
MIN_N, IND_N, MID, Z95, Z998, REGION = 10, 30, 0.45, 1.959964, 3.090232, ""
SPC_MIN = 12  # points needed for XmR limits (prem's default spc_min_points)
TIMES = {}


@contextmanager
def step(name):
    t0 = time.perf_counter()
    yield
    TIMES[name] = time.perf_counter() - t0


def label(q):
    return f"{q // 4}-Q{q % 4 + 1}"


def to_score(v, sc):  # 0-10 score; scales running 0/1..10 keep their value (as prem)
    keep = sc["min"] in (0, 1) and sc["max"] == 10
    return v if keep else (v - sc["min"]) / (sc["max"] - sc["min"]) * 10


def wilson(p, n, z=Z95):
    d = 1 + z**2 / n
    c = (p + z**2 / (2 * n)) / d
    h = z * np.sqrt(p * (1 - p) / n + z**2 / (4 * n**2)) / d
    return 100 * (c - h), 100 * (c + h)


def load(files, cb):
    """Read the exports, return the numeric wide table, its keys and the used items."""
    header = pd.read_csv(files[0], sep=";", encoding="cp1252", nrows=0).columns
    items = [dict(it, col=next(c for c in it["columns"] if c in header)) for it in cb["items"]
             if any(c in header for c in it["columns"])]
    use = list(COLS.values()) + [it["col"] for it in items]
    df = pd.concat([pd.read_csv(f, sep=";", encoding="cp1252", dtype=str, usecols=use)
                    for f in files], ignore_index=True)
    # Exports are dirty: a respondent x care type sent twice counts once (first copy); dates come
    # as 31-12-2026, 31/12/2026, 2026-12-31, with or without a time; unreadable dates drop out.
    df = df.drop_duplicates([COLS["resp"], COLS["ct"]])
    d = df[COLS["date"]].str.strip().str.split(" ").str[0].str.replace("/", "-")
    date = pd.to_datetime(d, format="%d-%m-%Y", errors="coerce").fillna(
        pd.to_datetime(d, format="%Y-%m-%d", errors="coerce"))
    df, date = df[date.notna()].reset_index(drop=True), date.dropna().reset_index(drop=True)
    keys = pd.DataFrame({"resp": pd.factorize(df[COLS["resp"]])[0],
                         "vsv": df[COLS["vsv"]].astype("category"),
                         "ct": df[COLS["ct"]].astype("category"),
                         "q": date.dt.year * 4 + date.dt.quarter - 1})
    wide = {}
    for it in items:
        sc = cb["scales"][it["scale"]]
        s = df[it["col"]].str.strip()
        v = pd.to_numeric(s.mask(s.str.lower().isin(sc.get("missing", []))).str.replace(",", "."),
                          errors="coerce")
        wide[it["id"]] = to_score(v.where(v.between(sc["min"], sc["max"])), sc).astype("float32")
    return pd.DataFrame(wide), keys, items


def cell_table(L, m):
    """L: long table (resp, vsv, ct, q, m, score, top, prob) -> care-type and combined cells."""
    agg = dict(n=("score", "size"), mean=("score", "mean"), sd=("score", "std"),
               top=("top", "sum"), prob=("prob", "sum"))
    vct = L.groupby(["vsv", "ct", "q", m], observed=True).agg(**agg).reset_index()
    rct = L.groupby(["ct", "q", m], observed=True).agg(**agg).reset_index().assign(vsv=REGION)
    ctc = pd.concat([vct.astype({"vsv": str}), rct], ignore_index=True).astype({"ct": str})
    ctc["se"], ctc["df"] = ctc.sd / np.sqrt(ctc.n), ctc.n - 1
    ctc["top_pct"], ctc["prob_pct"] = ctc.top / ctc.n, ctc.prob / ctc.n
    # Combined cells: unweighted mean of the shown care-type means, Welch-Satterthwaite se/df.
    S = ctc[ctc.n >= MIN_N].assign(v=lambda d: d.sd**2 / d.n)
    S = S.assign(v2=S.v**2 / S.df, s1=S.n * S["mean"], s2=S.df * S.sd**2 + S.n * S["mean"]**2)
    C = S.groupby(["vsv", "q", m], observed=True).agg(
        k=("n", "size"), N=("n", "sum"), mean=("mean", "mean"), v=("v", "sum"), v2=("v2", "sum"),
        s1=("s1", "sum"), s2=("s2", "sum"), top_pct=("top_pct", "mean"),
        prob_pct=("prob_pct", "mean"), covers=("ct", lambda s: " + ".join(sorted(s)))).reset_index()
    C["se"], C["df"] = np.sqrt(C.v) / C.k, C.v**2 / C.v2
    C["sd"] = np.sqrt((C.s2 - C.s1**2 / C.N) / (C.N - 1))
    # n = distinct respondents over the covered care types.
    shown = L.groupby(["vsv", "ct", "q", m], observed=True)["score"].transform("size") >= MIN_N
    dn = pd.concat([
        L[shown].groupby(["vsv", "q", m], observed=True)["resp"].nunique().reset_index()
        .astype({"vsv": str}),
        L.groupby(["q", m], observed=True)["resp"].nunique().reset_index().assign(vsv=REGION)])
    C = C.merge(dn.rename(columns={"resp": "n"}), on=["vsv", "q", m], how="left")
    C["ct"] = ""
    cols = ["vsv", "ct", "q", m, "n", "mean", "sd", "se", "df", "top_pct", "prob_pct"]
    return pd.concat([ctc[cols], C[cols + ["covers"]]], ignore_index=True)


def finish(T):
    """CIs, privacy status and blanking on the cell table."""
    t = stats.t.ppf(0.975, T.df.where(T.df > 0))
    T["ci_low"], T["ci_high"] = (T["mean"] - t * T.se).clip(0, 10), (T["mean"] + t * T.se).clip(0, 10)
    for k in ("top", "prob"):
        T[f"{k}_ci_low"], T[f"{k}_ci_high"] = wilson(T[f"{k}_pct"], T.n)
        T[f"{k}_pct"] *= 100
    T["status"] = np.select([T.n < MIN_N, T.n < IND_N], ["suppressed", "indicatief"], "full")
    num = ["n", "mean", "sd", "se", "df", "ci_low", "ci_high", "top_pct", "prob_pct",
           "top_ci_low", "top_ci_high", "prob_ci_low", "prob_ci_high"]
    T.loc[T.status == "suppressed", num] = np.nan
    return T


def trends(T, K):
    base = T.loc[T.status != "suppressed", K + ["q", "mean", "sd", "n"]]
    for lag, name in ((1, "prev"), (4, "year")):
        M = T[K + ["q"]].merge(base.assign(q=base.q + lag), on=K + ["q"], how="left")
        with np.errstate(all="ignore"):
            _, p = stats.ttest_ind_from_stats(*(np.asarray(x, float) for x in (
                T["mean"], T.sd, T.n, M["mean"], M.sd, M.n)), equal_var=False)
        T[f"change_{name}"], T[f"p_{name}"] = T["mean"].values - M["mean"].values, p
    return T


def funnel(d, k_min=10):
    """Means funnel (prem's extension of FunnelPlotR): pooled target and sd, Winsorised phi."""
    n, x = d.n.values, d["mean"].values
    target = (n * x).sum() / n.sum()
    s2 = ((n - 1) * d.sd.values**2).sum() / (n - 1).sum()
    z = (x - target) / np.sqrt(s2 / n)
    zw = np.clip(z, *np.quantile(z, [0.1, 0.9]))
    k, phi, w = len(z), np.mean(zw**2), n / s2
    tau2 = max(0.0, (k * phi - (k - 1)) / (w.sum() - (w**2).sum() / w.sum()))
    tau2 = tau2 if phi > 1 and k >= k_min else 0.0  # prem: adjust only with >= 10 units
    za = (x - target) / np.sqrt(s2 / n + tau2)
    band = np.select([za < -Z998, za < -Z95, za > Z998, za > Z95],
                     ["much_worse", "worse", "much_better", "better"], "as_expected")
    return za, band, dict(target=target, s2=s2, tau2=tau2, phi=phi)


def spc(S):
    S = S.sort_values(["vsv", "theme", "q"]).copy()
    g = S.groupby(["vsv", "theme"])
    S["centre"] = g["mean"].transform("mean")
    S["mmr"] = g["mean"].diff().abs().groupby([S.vsv, S.theme]).transform("mean")
    S.loc[g["mean"].transform("size") < SPC_MIN, "mmr"] = np.nan  # no limits on short series
    S["ucl"], S["lcl"] = S.centre + 2.66 * S.mmr, S.centre - 2.66 * S.mmr
    side = np.sign(S["mean"] - S.centre)
    run = (side != side.groupby([S.vsv, S.theme]).shift()).cumsum()
    run7 = (side.groupby(run).transform("size") >= 7) & (side != 0)
    S["spc_signal"] = np.select(
        [S["mean"] < S.lcl, S["mean"] > S.ucl, run7 & (side < 0), run7 & (side > 0)],
        ["outside_low", "outside_high", "run_low", "run_high"], "")
    return S


def charts(out, T, S, fun, dist, cb, latest):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    d = out / "charts"
    d.mkdir(parents=True, exist_ok=True)
    count = 0

    def save(fig, name):
        nonlocal count
        fig.tight_layout()
        fig.savefig(d / f"{name}.png", dpi=150)
        plt.close(fig)
        count += 1

    lab = {t["id"]: t["label"] for t in cb["themes"]}
    V = T[(T.ct == "") & (T.item == "") & (T.q == latest) & T["mean"].notna()]
    reg = V[V.vsv == REGION].set_index("theme")["mean"]
    vsvs = sorted(v for v in T.vsv.unique() if v != REGION)
    for v in vsvs:
        slug = v.replace(" ", "_")
        x = V[V.vsv == v].sort_values("mean")
        fig, ax = plt.subplots(figsize=(7, 5))
        y = np.arange(len(x))
        ax.errorbar(x["mean"], y, xerr=[x["mean"] - x.ci_low, x.ci_high - x["mean"]], fmt="o")
        ax.scatter(reg.reindex(x.theme), y, marker="|", s=200, c="k", label="regio")
        ax.set_yticks(y, [lab[t] for t in x.theme])
        ax.set_title(f"{v}: thema's {label(latest)}")
        ax.legend()
        save(fig, f"{slug}_themes")
        for th, s in S[S.vsv == v].groupby("theme"):
            fig, ax = plt.subplots(figsize=(7, 3.5))
            ax.plot(s.q.map(label), s["mean"], "o-")
            for c in ("centre", "ucl", "lcl"):
                ax.plot(s.q.map(label), s[c], "--" if c != "centre" else "-", c="grey")
            bad = s[s.spc_signal != ""]
            ax.scatter(bad.q.map(label), bad["mean"], c="red", zorder=3)
            ax.set_title(f"{v}: {lab[th]} (XmR)")
            ax.tick_params(axis="x", rotation=45)
            save(fig, f"{slug}_spc_{th}")
        dv = dist[dist.vsv == v]
        if len(dv):
            dv = dv.pivot_table(index="theme", columns="value", values="share", observed=True).fillna(0)
            fig, ax = plt.subplots(figsize=(8, 5))
            dv.rename(index=lab).plot.barh(stacked=True, ax=ax, colormap="RdYlGn", width=0.8)
            ax.set_title(f"{v}: antwoordverdeling {label(latest)}", pad=24)
            ax.legend(ncol=10, fontsize=6, loc="lower center", bbox_to_anchor=(0.5, 1.05))
            save(fig, f"{slug}_distribution")
        g = T[(T.vsv == v) & (T.ct == "") & T.item.isin([cb["overall"]["grade"], cb["overall"]["recommend"]])]
        fig, (a1, a2) = plt.subplots(1, 2, figsize=(9, 3.5))
        gr, rc = g[g.item == cb["overall"]["grade"]], g[g.item == cb["overall"]["recommend"]]
        a1.plot(gr.q.map(label), gr["mean"], "o-"); a1.set_title("Rapportcijfer")
        a2.plot(rc.q.map(label), rc.nps, "o-"); a2.set_title("NPS")
        for a in (a1, a2):
            a.tick_params(axis="x", rotation=45)
        save(fig, f"{slug}_grade_nps")
    R = V[V.vsv != REGION]
    for th, x in R.groupby("theme"):
        f = fun[th]
        ns = np.linspace(max(3, x.n.min() * 0.8), x.n.max() * 1.2, 200)
        fig, ax = plt.subplots(figsize=(7, 5))
        ax.scatter(x.n, x["mean"])
        ax.axhline(f["target"], c="k")
        for z, ls in ((Z95, "--"), (Z998, ":")):
            h = z * np.sqrt(f["s2"] / ns + f["tau2"])
            ax.plot(ns, f["target"] + h, ls, c="grey"); ax.plot(ns, f["target"] - h, ls, c="grey")
        ax.set_title(f"Funnel {lab[th]} {label(latest)}"); ax.set_xlabel("n")
        save(fig, f"region_funnel_{th}")
    H = R.pivot_table(index="vsv", columns="theme", values="mean")
    fig, ax = plt.subplots(figsize=(10, max(4, 0.25 * len(H))))
    im = ax.imshow(H.values, aspect="auto", cmap="RdYlGn")
    ax.set_xticks(range(H.shape[1]), [lab[t] for t in H.columns], rotation=60, ha="right")
    ax.set_yticks(range(len(H)), H.index, fontsize=6)
    fig.colorbar(im)
    save(fig, "region_heatmap")
    ths = sorted(R.theme.unique())
    fig, axs = plt.subplots(int(np.ceil(len(ths) / 4)), 4, figsize=(14, 3 * np.ceil(len(ths) / 4)))
    for a, th in zip(axs.flat, ths):
        x = R[R.theme == th].sort_values("mean")
        a.errorbar(range(len(x)), x["mean"], yerr=[x["mean"] - x.ci_low, x.ci_high - x["mean"]], fmt=".")
        a.axhline(reg.get(th, np.nan), c="k", lw=0.8)
        a.set_title(lab[th], fontsize=8); a.set_xticks([])
    for a in axs.flat[len(ths):]:
        a.axis("off")
    save(fig, "region_caterpillar")
    return count


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("files", nargs="+", type=Path)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--codebook", type=Path, default=Path(__file__).with_name("codebook.toml"))
    ap.add_argument("--charts", action="store_true")
    a = ap.parse_args()
    t_all = time.perf_counter()
    cb = tomllib.loads(a.codebook.read_text())
    imp = {t["id"]: t.get("importance", 1.0) for t in cb["themes"]}
    with step("read + parse"):
        W, keys, items = load(sorted(a.files), cb)
    with step("melt + score"):
        W.columns = pd.CategoricalIndex(W.columns)
        L = W.melt(var_name="item", value_name="score", ignore_index=False).dropna()
        row = L.index.values
        L = L.reset_index(drop=True)
        for c in keys:
            L[c] = keys[c].values.take(row)
        L["row"] = row
        scale = {it["id"]: cb["scales"][it["scale"]] for it in items}
        pos = L.item.map({i: to_score(s["positive_min"], s) for i, s in scale.items()}).astype(float)
        bad = L.item.map({i: to_score(s["problem_max"], s) for i, s in scale.items()}).astype(float)
        L["top"], L["prob"] = L.score >= pos, L.score <= bad
        theme_of = {it["id"]: it.get("theme") for it in items}
        L["theme"] = L.item.map(theme_of).astype("category")
    with step("theme scores"):
        need = pd.Series(theme_of).dropna().value_counts() / 2
        th = L[L.theme.notna()].groupby(["row", "theme"], observed=True)["score"].agg(["mean", "count"])
        th = th[th["count"] >= need.reindex(th.index.get_level_values("theme")).values]
        th = th.reset_index().rename(columns={"mean": "score"})
        for c in keys:
            th[c] = keys[c].values.take(th.row.values)
        tscale = {t: scale[next(i for i, x in theme_of.items() if x == t)] for t in need.index}
        th["top"] = th.score >= th.theme.map({t: to_score(s["positive_min"], s) for t, s in tscale.items()}).astype(float)
        th["prob"] = th.score <= th.theme.map({t: to_score(s["problem_max"], s) for t, s in tscale.items()}).astype(float)
    with step("cells"):
        TC = cell_table(th, "theme").assign(item="")
        IC = cell_table(L, "item")
        IC = IC[IC.ct == ""].assign(theme=IC.item.map(theme_of).fillna(""))
        T = finish(pd.concat([TC, IC.astype({"item": str})], ignore_index=True)).astype({"theme": str})
        rec = T.item == cb["overall"]["recommend"]
        T.loc[rec, "nps"] = T.top_pct[rec] - T.prob_pct[rec]
    with step("trends"):
        T = trends(T, ["vsv", "ct", "theme", "item"])
    latest = int(T.q.max())
    is_theme = (T.ct == "") & (T.item == "") & (T.status != "suppressed")
    with step("comparison"):
        fun, T["z"], T["band"] = {}, np.nan, ""
        cmp_ = is_theme & (T.q == latest) & (T.vsv != REGION)
        for t, idx in T[cmp_].groupby("theme").groups.items():
            za, band, fun[t] = funnel(T.loc[idx])
            T.loc[idx, "z"], T.loc[idx, "band"] = za, band
    with step("spc"):
        S = spc(T[is_theme])
        T["spc_signal"] = S.spc_signal.reindex(T.index).fillna("")
    with step("flags"):
        F = T[is_theme & (T.q == latest)].copy()
        F["priority"] = F.prob_pct * F.theme.map(imp)
        F["rank"] = F.groupby("vsv")["priority"].rank(ascending=False, method="first")
        why = {"worse_than_region": F.band.isin(["worse", "much_worse"]),
               "decline_previous": (F.p_prev < 0.05) & (F.change_prev <= -MID),
               "decline_year": (F.p_year < 0.05) & (F.change_year <= -MID),
               "spc_concern": F.spc_signal.isin(["outside_low", "run_low"]),
               "top3_problem": (F["rank"] <= 3) & (F.prob_pct > 0)}
        F["reasons"] = pd.DataFrame(why).apply(lambda r: ";".join(r.index[r]), axis=1)
        F = F[F.reasons != ""]
    with step("write"):
        a.out.mkdir(parents=True, exist_ok=True)
        T.insert(0, "period", T.q.map(label))
        T = T.sort_values(["q", "vsv", "ct", "theme", "item"]).rename(columns={
            "ct": "care_type", "top_pct": "top_box_pct", "prob_pct": "problem_pct",
            "top_ci_low": "top_box_ci_low", "top_ci_high": "top_box_ci_high",
            "prob_ci_low": "problem_ci_low", "prob_ci_high": "problem_ci_high"})
        cols = ["period", "vsv", "care_type", "theme", "item", "n", "mean", "sd", "ci_low", "ci_high",
                "top_box_pct", "top_box_ci_low", "top_box_ci_high", "problem_pct", "problem_ci_low",
                "problem_ci_high", "nps", "status", "z", "band", "change_prev", "p_prev",
                "change_year", "p_year", "spc_signal", "covers"]
        out = T[cols].round({c: 4 for c in cols[5:] if c not in ("status", "band", "spc_signal", "covers")})
        out.to_csv(a.out / "scores.csv", index=False)
        out.to_excel(a.out / "scores.xlsx", index=False)
        F.insert(0, "period", label(latest))
        F[["period", "vsv", "theme", "reasons", "n", "mean", "ci_low", "ci_high", "z", "band",
           "change_prev", "p_prev", "change_year", "p_year", "spc_signal", "prob_pct",
           "priority"]].rename(columns={"prob_pct": "problem_pct"}).round(4).to_csv(a.out / "flags.csv", index=False)
    if a.charts:
        with step("charts"):
            x = L[(L.q == latest) & L.theme.notna()].assign(value=lambda d: d.score.round().astype(int))
            dist = x.groupby(["vsv", "theme", "value"], observed=True).size().rename("k").reset_index()
            tot = dist.groupby(["vsv", "theme"], observed=True)["k"].transform("sum")
            dist = dist[tot >= MIN_N].assign(share=lambda d: d.k / tot[tot >= MIN_N])
            n = charts(a.out, T.rename(columns={"care_type": "ct"}), S, fun, dist.astype({"vsv": str}), cb, latest)
        print(f"{n} charts written to {a.out / 'charts'}")
    print(f"{len(out)} cells, {len(F)} flags -> {a.out}")
    TIMES["total"] = time.perf_counter() - t_all
    for k, v in TIMES.items():
        print(f"{k:>14}: {v:7.2f} s", file=sys.stderr)


if __name__ == "__main__":
    main()
