namespace Fkj.Cdr.Aql.Syntax;

/// <summary>
/// <c>TERMINOLOGY(operation, service_api, parameters)</c>, three strings, e.g.
/// <c>TERMINOLOGY('expand', 'hl7.org/fhir/4.0', 'http://snomed.info/sct?fhir_vs=isa/50697003')</c>.
/// It stands as a function in SELECT and WHERE, as the operand of MATCHES, and in a MATCHES value list.
/// </summary>
public sealed record TerminologyCall(string Operation, string ServiceApi, string Parameters) : AqlExpression;
