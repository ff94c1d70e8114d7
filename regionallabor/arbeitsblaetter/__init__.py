"""The worksheets with nbgrader: snapshot and Selbstcheck, the zip path's submission file, sources, the cohort."""
