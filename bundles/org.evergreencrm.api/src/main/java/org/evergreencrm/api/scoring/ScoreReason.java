package org.evergreencrm.api.scoring;

/**
 * One feature's part in a score: its value for this lead ({@code "missing"} when the lead lacks it) and its effect on
 * the log-odds of a sale (positive raises the chance). For the tree model these are the trees' own per-feature
 * contributions (SHAP values from XGBoost), for the logistic model weight × value.
 */
public record ScoreReason(String feature, String value, double effect) {
}
