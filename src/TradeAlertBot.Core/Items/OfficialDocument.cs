namespace TradeAlertBot.Core.Items;

/// <summary>
/// The record behind an item read from an official API (the Federal Register) rather than a news feed: what a
/// compliance team acts on. Its <see cref="DocumentNumber"/>, <see cref="DocketIds"/> and
/// <see cref="RelatedDocumentNumbers"/> tie later documents (publication, corrections) to the same trade action.
/// </summary>
/// <param name="DocumentNumber">The publisher's number ("2025-01234"); stable from public inspection to publication.</param>
/// <param name="Type">Rule, proposed rule, notice, presidential document.</param>
/// <param name="Agencies">The agencies' names as the publisher gives them.</param>
/// <param name="PublicationDate">The day it is (or, on public inspection, will be) published.</param>
/// <param name="OnPublicInspection">True while it is only filed for public inspection, not yet published.</param>
/// <param name="EffectiveOn">When the action takes effect, when given.</param>
/// <param name="CommentsCloseOn">When comments close, when given.</param>
/// <param name="CfrReferences">The CFR parts it touches ("15 CFR 744").</param>
/// <param name="DocketIds">Docket numbers ("BIS-2025-0001").</param>
/// <param name="RelatedDocumentNumbers">Documents this one corrects or amends, by document number.</param>
public sealed record OfficialDocument(
    string DocumentNumber,
    OfficialDocumentType Type,
    IReadOnlyList<string> Agencies,
    DateOnly? PublicationDate,
    bool OnPublicInspection,
    DateOnly? EffectiveOn,
    DateOnly? CommentsCloseOn,
    IReadOnlyList<string> CfrReferences,
    IReadOnlyList<string> DocketIds,
    IReadOnlyList<string> RelatedDocumentNumbers);
